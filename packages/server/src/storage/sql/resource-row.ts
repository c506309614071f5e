import type { Resource } from '../resource.js';
import { parseJsonObject, toJsonText } from './json-text.js';

/** A `resources` row (JSON as text); the column names double as SQLite bind parameters. */
export type ResourceRow = {
  readonly account_id: string;
  readonly kind: string;
  readonly id: string;
  readonly data: string;
  readonly created_at: number;
  readonly updated_at: number;
};

export function toResource(row: ResourceRow): Resource {
  return {
    accountId: row.account_id,
    kind: row.kind,
    id: row.id,
    data: parseJsonObject(row.data, 'data'),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function resourceRow(resource: Resource): ResourceRow {
  return {
    account_id: resource.accountId,
    kind: resource.kind,
    id: resource.id,
    data: toJsonText(resource.data),
    created_at: resource.createdAt,
    updated_at: resource.updatedAt,
  };
}

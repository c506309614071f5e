import type { Account } from '../account-store.js';
import { parseJsonObject, toJsonText } from './json-text.js';

/**
 * An `accounts` row as both drivers return it (JSON as text, BIGINT as number). Row shapes are
 * type aliases, not interfaces, so they satisfy the index signature of pg's `QueryResultRow`.
 */
export type AccountRow = {
  readonly id: string;
  readonly name: string;
  readonly api_key_hash: string;
  readonly settings: string;
  readonly created_at: number;
};

export function toAccount(row: AccountRow): Account {
  return {
    id: row.id,
    name: row.name,
    apiKeyHash: row.api_key_hash,
    settings: parseJsonObject(row.settings, 'settings'),
    createdAt: row.created_at,
  };
}

export function accountRow(account: Account): AccountRow {
  return {
    id: account.id,
    name: account.name,
    api_key_hash: account.apiKeyHash,
    settings: toJsonText(account.settings),
    created_at: account.createdAt,
  };
}

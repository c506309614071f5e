import type { JsonObject, Resource } from '../storage/store.js';
import { stringField } from './phone-numbers/json-fields.js';

/**
 * The store row of an emulator document that carries its own `id`, `created_at` and
 * `updated_at` (ISO): the row's times follow the document's.
 */
export function documentResource(accountId: string, kind: string, doc: JsonObject): Resource {
  return {
    accountId,
    kind,
    id: stringField(doc, 'id'),
    data: doc,
    createdAt: Date.parse(stringField(doc, 'created_at')),
    updatedAt: Date.parse(stringField(doc, 'updated_at')),
  };
}

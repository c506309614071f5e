import type { JsonObject, Store } from '../../storage/store.js';
import { stringField } from '../phone-numbers/json-fields.js';
import { decodeMessage, type Message } from './messaging-schemas.js';

/** Resource kind under which messages (outbound and inbound) are stored. */
export const MESSAGE_KIND = 'message';

/** Writes a message document; its row times follow `received_at` and the write time. */
export async function saveMessage(
  store: Store,
  accountId: string,
  message: JsonObject,
  now: number,
): Promise<void> {
  await store.putResource({
    accountId,
    kind: MESSAGE_KIND,
    id: stringField(message, 'id'),
    data: message,
    createdAt: Date.parse(stringField(message, 'received_at')),
    updatedAt: now,
  });
}

/** A message of the account, or null. */
export async function getMessage(
  store: Store,
  accountId: string,
  id: string,
): Promise<Message | null> {
  const row = await store.getResource(accountId, MESSAGE_KIND, id);
  return row === null ? null : decodeMessage(row.data);
}

import type { JsonObject, Store } from '../../storage/store.js';
import { booleanField, nullableString, stringField, stringList } from './json-fields.js';
import { PHONE_NUMBER_KIND, type PhoneNumber } from './phone-number.js';
import { readVoiceSettings } from './voice-settings.js';

/** Reads a stored `phone_number` document. */
export function readPhoneNumber(data: JsonObject): PhoneNumber {
  return {
    id: stringField(data, 'id'),
    phone_number: stringField(data, 'phone_number'),
    connection_id: nullableString(data, 'connection_id'),
    messaging_profile_id: nullableString(data, 'messaging_profile_id'),
    messaging_product: stringField(data, 'messaging_product', 'P2P'),
    tags: stringList(data, 'tags'),
    customer_reference: nullableString(data, 'customer_reference'),
    external_pin: nullableString(data, 'external_pin'),
    billing_group_id: nullableString(data, 'billing_group_id'),
    hd_voice_enabled: booleanField(data, 'hd_voice_enabled', false),
    voice: readVoiceSettings(data['voice']),
    created_at: stringField(data, 'created_at'),
    updated_at: stringField(data, 'updated_at'),
  };
}

function toJson(number: PhoneNumber): JsonObject {
  const voice = structuredClone(number.voice) as unknown as JsonObject;
  return { ...number, tags: [...number.tags], voice };
}

/** Removes a number from the account. */
export async function deleteNumber(store: Store, accountId: string, id: string): Promise<void> {
  await store.deleteResource(accountId, PHONE_NUMBER_KIND, id);
}

/** Every number of the account, oldest first. */
export async function listNumbers(store: Store, accountId: string): Promise<PhoneNumber[]> {
  const rows = await store.listResources(accountId, PHONE_NUMBER_KIND);
  return rows.map((row) => readPhoneNumber(row.data));
}

/**
 * The number an account owns with this +E.164 value, or null. Inbound calls and messages use it
 * to find the application or messaging profile that `to` belongs to.
 */
export async function findNumber(
  store: Store,
  accountId: string,
  e164: string,
): Promise<PhoneNumber | null> {
  const numbers = await listNumbers(store, accountId);
  return numbers.find((number) => number.phone_number === e164) ?? null;
}

/** A number by its id, or by its +E.164 value as Telnyx also accepts in paths. */
export async function getNumber(
  store: Store,
  accountId: string,
  idOrE164: string,
): Promise<PhoneNumber | null> {
  if (idOrE164.startsWith('+')) return findNumber(store, accountId, idOrE164);
  const row = await store.getResource(accountId, PHONE_NUMBER_KIND, idOrE164);
  return row === null ? null : readPhoneNumber(row.data);
}

/** Writes a number; `Date.parse` of its ISO times keeps the row's times in step with the data. */
export async function saveNumber(
  store: Store,
  accountId: string,
  number: PhoneNumber,
): Promise<void> {
  await store.putResource({
    accountId,
    kind: PHONE_NUMBER_KIND,
    id: number.id,
    data: toJson(number),
    createdAt: Date.parse(number.created_at),
    updatedAt: Date.parse(number.updated_at),
  });
}

import type { Store } from '../../storage/store.js';
import { PHONE_NUMBER_KIND, type PhoneNumber } from './phone-number.js';
import { decodePhoneNumber } from './phone-number-schemas.js';
import { readVoiceSettings } from './voice-settings.js';

/** Reads a stored `phone_number` document; fields added since it was stored read as their defaults. */
export function readPhoneNumber(data: unknown): PhoneNumber {
  const stored = decodePhoneNumber(data);
  return {
    ...stored,
    messaging_product: stored.messaging_product ?? 'P2P',
    tags: stored.tags ?? [],
    customer_reference: stored.customer_reference ?? null,
    external_pin: stored.external_pin ?? null,
    billing_group_id: stored.billing_group_id ?? null,
    hd_voice_enabled: stored.hd_voice_enabled ?? false,
    voice: readVoiceSettings(stored.voice),
  };
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
  const voice = structuredClone(number.voice);
  await store.putResource({
    accountId,
    kind: PHONE_NUMBER_KIND,
    id: number.id,
    data: { ...number, tags: [...number.tags], voice: { ...voice } },
    createdAt: Date.parse(number.created_at),
    updatedAt: Date.parse(number.updated_at),
  });
}

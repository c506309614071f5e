import { decoderOf, ShortCode } from '@switchboard/core/contract';
import type { Store } from '../../storage/store.js';
import { documentResource } from '../stored-document.js';

/** Resource kind under which the account's short codes are stored. */
export const SHORT_CODE_KIND = 'short_code';

const decodeShortCode = decoderOf(SHORT_CODE_KIND, ShortCode);

export interface NewShortCode {
  readonly id: string;
  readonly shortCode: string;
  readonly messagingProfileId: string;
  readonly countryCode: string;
  readonly now: number;
}

/** The spec's `ShortCode` object. */
export function newShortCode(input: NewShortCode): ShortCode {
  const at = new Date(input.now).toISOString();
  return {
    id: input.id,
    record_type: 'short_code',
    short_code: input.shortCode,
    country_code: input.countryCode,
    messaging_profile_id: input.messagingProfileId,
    tags: [],
    created_at: at,
    updated_at: at,
  };
}

export async function saveShortCode(store: Store, accountId: string, code: ShortCode) {
  await store.putResource(documentResource(accountId, SHORT_CODE_KIND, code));
}

/** Every short code of the account, oldest first. */
export async function listShortCodes(store: Store, accountId: string): Promise<ShortCode[]> {
  return (await store.listResources(accountId, SHORT_CODE_KIND)).map((row) =>
    decodeShortCode(row.data),
  );
}

/** The account's short code with these digits, or null. */
export async function findShortCode(
  store: Store,
  accountId: string,
  shortCode: string,
): Promise<ShortCode | null> {
  const codes = await listShortCodes(store, accountId);
  return codes.find((code) => code.short_code === shortCode) ?? null;
}

/** True when `value` is written as a short code (the emulator allows 3–8 digits). */
export function isShortCode(value: string): boolean {
  return /^\d{3,8}$/.test(value);
}

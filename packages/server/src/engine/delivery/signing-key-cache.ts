import { importPrivateKey } from '@switchboard/core';
import type { AccountStore, SigningKey } from '../../storage/account-store.js';

/** The part of the account store that signing needs. */
export type SigningKeyReader = Pick<AccountStore, 'listSigningKeys'>;

/** An account has no current signing key: a fault in setup, not a delivery outcome. */
export class NoSigningKeyError extends Error {
  readonly code = 'SB_NO_SIGNING_KEY';

  constructor(accountId: string) {
    super(`Account ${accountId} has no signing key.`);
    this.name = 'NoSigningKeyError';
  }
}

/** The account's current key cannot sign: not base64 of a 32-byte seed (a damaged row). */
export class UnusableSigningKeyError extends Error {
  readonly code = 'SB_UNUSABLE_SIGNING_KEY';

  constructor(accountId: string, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(`The signing key of account ${accountId} cannot be used: ${reason}`, { cause });
    this.name = 'UnusableSigningKeyError';
  }
}

/** Long enough to spare the store a read per try, short enough that a rotation lands quickly. */
export const SIGNING_KEY_TTL_MS = 5_000;

interface Entry {
  readonly expiresAt: number;
  readonly key: Promise<SigningKey>;
}

/**
 * The current signing key per account, cached briefly. Concurrent tries for one account share
 * a single store read; a failed read is not cached.
 */
export class SigningKeyCache {
  readonly #store: SigningKeyReader;
  readonly #entries = new Map<string, Entry>();

  constructor(store: SigningKeyReader) {
    this.#store = store;
  }

  get(accountId: string, now: number): Promise<SigningKey> {
    const entry = this.#entries.get(accountId);
    if (entry !== undefined && entry.expiresAt > now) return entry.key;
    const key = this.#load(accountId, now);
    this.#entries.set(accountId, { expiresAt: now + SIGNING_KEY_TTL_MS, key });
    void key.catch(() => {
      if (this.#entries.get(accountId)?.key === key) this.#entries.delete(accountId);
    });
    return key;
  }

  #load(accountId: string, now: number): Promise<SigningKey> {
    return currentSigningKey(this.#store, accountId, now);
  }
}

/**
 * The account's current signing key (the newest one not retired), read from the store and
 * checked, so that a damaged key is named as such rather than failing later as a signing error.
 */
export async function currentSigningKey(
  store: SigningKeyReader,
  accountId: string,
  now: number,
): Promise<SigningKey> {
  const [current] = await store.listSigningKeys(accountId, now);
  if (current === undefined) throw new NoSigningKeyError(accountId);
  try {
    importPrivateKey(current.privateKey);
  } catch (error) {
    throw new UnusableSigningKeyError(accountId, error);
  }
  return current;
}

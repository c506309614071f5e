import type { Account, Store } from '../../storage/store.js';

/**
 * How long a cached account is trusted. Changes made through this process's store drop the
 * cache at once; this bounds how long a change made by another process (PostgreSQL shared by
 * several servers) can go unseen.
 */
export const ACCOUNT_CACHE_TTL_MS = 5_000;

/** Most API keys remembered at once; the oldest entry leaves first. */
export const ACCOUNT_CACHE_SIZE = 1_000;

interface Entry {
  readonly expiresAt: number;
  /** The store's `accountWrites` when the read started: any write since makes the entry stale. */
  readonly writes: number;
  readonly account: Promise<Account | null>;
}

/**
 * API key hash → account, so that authenticating a request costs no store round trip. Unknown
 * keys are not remembered (an account created a moment later must work at once), and neither is
 * a failed read. Concurrent requests with one key share a single read.
 */
export class AccountKeyCache {
  readonly #store: Store;
  readonly #now: () => number;
  readonly #size: number;
  readonly #entries = new Map<string, Entry>();

  constructor(store: Store, now: () => number, size = ACCOUNT_CACHE_SIZE) {
    this.#store = store;
    this.#now = now;
    this.#size = size;
  }

  find(keyHash: string): Promise<Account | null> {
    const now = this.#now();
    const writes = this.#store.accountWrites;
    const entry = this.#entries.get(keyHash);
    if (entry !== undefined && entry.expiresAt > now && entry.writes === writes) {
      return entry.account;
    }
    const account = this.#store.findAccountByKeyHash(keyHash);
    this.#remember(keyHash, { expiresAt: now + ACCOUNT_CACHE_TTL_MS, writes, account });
    void account.then(
      (found) => {
        if (found === null) this.#forget(keyHash, account);
      },
      () => {
        this.#forget(keyHash, account);
      },
    );
    return account;
  }

  #remember(keyHash: string, entry: Entry): void {
    this.#entries.delete(keyHash);
    if (this.#entries.size >= this.#size) {
      const oldest = this.#entries.keys().next();
      if (oldest.done !== true) this.#entries.delete(oldest.value);
    }
    this.#entries.set(keyHash, entry);
  }

  #forget(keyHash: string, account: Promise<Account | null>): void {
    if (this.#entries.get(keyHash)?.account === account) this.#entries.delete(keyHash);
  }
}

import type { JsonObject } from './json.js';

export interface Account {
  readonly id: string;
  readonly name: string;
  /** SHA-256 hex of the API key; the key itself is never stored. */
  readonly apiKeyHash: string;
  /** Account-level settings (e.g. `webhook_body_format`). */
  readonly settings: JsonObject;
  readonly createdAt: number;
}

export interface SigningKey {
  readonly id: string;
  readonly accountId: string;
  /** Base64 of the raw 32-byte Ed25519 public key. */
  readonly publicKey: string;
  /** Base64 of the raw 32-byte Ed25519 seed. */
  readonly privateKey: string;
  readonly createdAt: number;
  /** Null while the key is current; set when it was rotated out (still listed until then). */
  readonly retiresAt: number | null;
}

/** Accounts and their signing keys: the API's authentication and settings, the worker's keys. */
export interface AccountStore {
  /**
   * How many account writes (`createAccount`, `updateAccountSettings`) this store object has
   * completed, so that caches of accounts notice a change made through it. Other processes'
   * writes are not counted.
   */
  readonly accountWrites: number;
  createAccount(account: Account, key: SigningKey): Promise<void>;
  getAccount(id: string): Promise<Account | null>;
  findAccountByKeyHash(apiKeyHash: string): Promise<Account | null>;
  updateAccountSettings(id: string, settings: JsonObject): Promise<void>;
  listAccounts(): Promise<readonly Account[]>;
  /** Current key first, then keys in their overlap window, newest first. */
  listSigningKeys(accountId: string, now: number): Promise<readonly SigningKey[]>;
  /** Adds `key` as current and marks the previous current key to retire at `retireAt`. */
  rotateSigningKey(key: SigningKey, retireAt: number): Promise<void>;
}

import type { Account, Store } from '../../storage/store.js';
import { StartupError } from '../../support/errors/startup-error.js';
import { hashSecret, hashesMatch } from './api-key.js';
import { createAccount, currentPublicKey } from './create-account.js';
import { readKeyFile, writeKeyFile } from './key-file.js';

/** Name of the account that `switchboard serve` makes on first start. */
export const DEFAULT_ACCOUNT_NAME = 'default';

export interface DefaultAccount {
  readonly account: Account;
  /** The key in clear, when known (just made, fixed by config, or read from the key file). */
  readonly apiKey: string | null;
  readonly publicKey: string;
  readonly created: boolean;
}

export interface EnsureDefaultAccountOptions {
  readonly dataDir: string;
  /** `SWITCHBOARD_API_KEY`: fixes the default account's key. */
  readonly apiKey: string | null;
  readonly now: number;
}

/**
 * Finds or makes the default account. A fixed key must match the existing default account:
 * silently making a second one would orphan everything the first one owns.
 */
export async function ensureDefaultAccount(
  store: Store,
  options: EnsureDefaultAccountOptions,
): Promise<DefaultAccount> {
  const existing = await findDefault(store, options.apiKey);
  if (existing !== null) return reuse(store, existing, options);
  try {
    return await create(store, options);
  } catch (error) {
    // Another process sharing the database may have made it first.
    const raced = await findDefault(store, options.apiKey);
    if (raced === null) throw error;
    return reuse(store, raced, options);
  }
}

async function findDefault(store: Store, apiKey: string | null): Promise<Account | null> {
  if (apiKey !== null) {
    const owner = await store.findAccountByKeyHash(hashSecret(apiKey));
    if (owner !== null) return owner;
  }
  const accounts = await store.listAccounts();
  const found = accounts.filter((account) => account.name === DEFAULT_ACCOUNT_NAME);
  found.sort((a, b) => a.createdAt - b.createdAt);
  return found[0] ?? null;
}

async function reuse(
  store: Store,
  account: Account,
  options: EnsureDefaultAccountOptions,
): Promise<DefaultAccount> {
  const apiKey = options.apiKey ?? (await readKeyFile(options.dataDir));
  const matches = apiKey !== null && hashesMatch(hashSecret(apiKey), account.apiKeyHash);
  if (options.apiKey !== null && !matches) {
    throw new StartupError(
      'API_KEY_MISMATCH',
      'SWITCHBOARD_API_KEY does not match the existing default account. Unset it to use the stored key, or start with a fresh data dir or database.',
    );
  }
  if (options.apiKey !== null) await writeKeyFile(options.dataDir, options.apiKey);
  const publicKey = await currentPublicKey(store, account.id, options.now);
  return { account, apiKey: matches ? apiKey : null, publicKey, created: false };
}

async function create(store: Store, options: EnsureDefaultAccountOptions): Promise<DefaultAccount> {
  const made = await createAccount(store, {
    name: DEFAULT_ACCOUNT_NAME,
    now: options.now,
    ...(options.apiKey === null ? {} : { apiKey: options.apiKey }),
  });
  await writeKeyFile(options.dataDir, made.apiKey);
  return { account: made.account, apiKey: made.apiKey, publicKey: made.publicKey, created: true };
}

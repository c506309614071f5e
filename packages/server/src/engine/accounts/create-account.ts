import { randomUUID } from 'node:crypto';
import { generateKeyPair } from '@switchboard/core';
import type { Account, Store } from '../../storage/store.js';
import { generateApiKey, hashSecret } from './api-key.js';

/** A freshly made account. `apiKey` is the only time the key exists in clear. */
export interface CreatedAccount {
  readonly account: Account;
  readonly apiKey: string;
  readonly publicKey: string;
}

export interface CreateAccountOptions {
  readonly name: string;
  /** Use this key instead of a random one (e.g. `SWITCHBOARD_API_KEY`). */
  readonly apiKey?: string;
  readonly now: number;
}

/** Creates an account with its API key (stored hashed) and its Ed25519 signing key. */
export async function createAccount(
  store: Store,
  options: CreateAccountOptions,
): Promise<CreatedAccount> {
  const apiKey = options.apiKey ?? generateApiKey();
  const pair = generateKeyPair();
  const account: Account = {
    id: randomUUID(),
    name: options.name,
    apiKeyHash: hashSecret(apiKey),
    settings: {},
    createdAt: options.now,
  };
  await store.createAccount(account, {
    id: randomUUID(),
    accountId: account.id,
    publicKey: pair.publicKey,
    privateKey: pair.privateKey,
    createdAt: options.now,
    retiresAt: null,
  });
  return { account, apiKey, publicKey: pair.publicKey };
}

/** The account's current public signing key (base64, 32 bytes). */
export async function currentPublicKey(
  store: Store,
  accountId: string,
  now: number,
): Promise<string> {
  const [key] = await store.listSigningKeys(accountId, now);
  if (key === undefined) throw new Error(`account ${accountId} has no signing key`);
  return key.publicKey;
}

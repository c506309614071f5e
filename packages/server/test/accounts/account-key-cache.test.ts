import { describe, expect, it } from 'vitest';
import {
  ACCOUNT_CACHE_TTL_MS,
  AccountKeyCache,
} from '../../src/engine/accounts/account-key-cache.js';
import type { Account, Store } from '../../src/storage/store.js';
import { makeAccount } from '../storage/store-fixtures.js';

/** A store that answers key lookups from a map and counts them. */
function countingStore(accounts: readonly Account[]) {
  const byHash = new Map(accounts.map((account) => [account.apiKeyHash, account]));
  const state = { reads: 0, accountWrites: 0, fail: false };
  const store = {
    get accountWrites() {
      return state.accountWrites;
    },
    findAccountByKeyHash: (hash: string) => {
      state.reads += 1;
      if (state.fail) return Promise.reject(new Error('database down'));
      return Promise.resolve(byHash.get(hash) ?? null);
    },
  } as unknown as Store;
  return { store, state, byHash };
}

describe('AccountKeyCache', () => {
  const alice = makeAccount({ name: 'alice' });
  const bob = makeAccount({ name: 'bob' });

  it('reads a key once, and answers later lookups from memory', async () => {
    const { store, state } = countingStore([alice]);
    const cache = new AccountKeyCache(store, () => 0);
    expect(await cache.find(alice.apiKeyHash)).toEqual(alice);
    expect(await cache.find(alice.apiKeyHash)).toEqual(alice);
    expect(state.reads).toBe(1);
  });

  it('shares one read among concurrent lookups of a key', async () => {
    const { store, state } = countingStore([alice]);
    const cache = new AccountKeyCache(store, () => 0);
    const found = await Promise.all([1, 2, 3].map(() => cache.find(alice.apiKeyHash)));
    expect(found).toEqual([alice, alice, alice]);
    expect(state.reads).toBe(1);
  });

  it('reads again after an account write through the store', async () => {
    const { store, state, byHash } = countingStore([alice]);
    const cache = new AccountKeyCache(store, () => 0);
    await cache.find(alice.apiKeyHash);
    const changed = { ...alice, settings: { webhook_body_format: 'compact' } };
    byHash.set(alice.apiKeyHash, changed);
    state.accountWrites += 1;
    expect(await cache.find(alice.apiKeyHash)).toEqual(changed);
    expect(state.reads).toBe(2);
  });

  it('reads again once the entry is older than the TTL (writes by other processes)', async () => {
    const { store, state } = countingStore([alice]);
    let now = 0;
    const cache = new AccountKeyCache(store, () => now);
    await cache.find(alice.apiKeyHash);
    now = ACCOUNT_CACHE_TTL_MS - 1;
    await cache.find(alice.apiKeyHash);
    expect(state.reads).toBe(1);
    now = ACCOUNT_CACHE_TTL_MS;
    await cache.find(alice.apiKeyHash);
    expect(state.reads).toBe(2);
  });

  it('does not remember an unknown key, so an account created later works at once', async () => {
    const { store, state, byHash } = countingStore([]);
    const cache = new AccountKeyCache(store, () => 0);
    expect(await cache.find(alice.apiKeyHash)).toBeNull();
    byHash.set(alice.apiKeyHash, alice);
    expect(await cache.find(alice.apiKeyHash)).toEqual(alice);
    expect(state.reads).toBe(2);
  });

  it('does not remember a failed read', async () => {
    const { store, state } = countingStore([alice]);
    const cache = new AccountKeyCache(store, () => 0);
    state.fail = true;
    await expect(cache.find(alice.apiKeyHash)).rejects.toThrow('database down');
    state.fail = false;
    expect(await cache.find(alice.apiKeyHash)).toEqual(alice);
    expect(state.reads).toBe(2);
  });

  it('holds at most its size, dropping the oldest key first', async () => {
    const carol = makeAccount({ name: 'carol' });
    const { store, state } = countingStore([alice, bob, carol]);
    const cache = new AccountKeyCache(store, () => 0, 2);
    await cache.find(alice.apiKeyHash);
    await cache.find(bob.apiKeyHash);
    await cache.find(carol.apiKeyHash);
    expect(state.reads).toBe(3);
    await cache.find(bob.apiKeyHash);
    await cache.find(carol.apiKeyHash);
    expect(state.reads).toBe(3);
    await cache.find(alice.apiKeyHash);
    expect(state.reads).toBe(4);
  });
});

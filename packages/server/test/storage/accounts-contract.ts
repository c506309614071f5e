import { expect, it } from 'vitest';
import { makeAccount, makeKey, T0 } from './store-fixtures.js';
import type { ContractContext } from './store-fixture.js';

export function accountsContract(ctx: ContractContext): void {
  it('creates an account with its key and finds it by id and key hash', async () => {
    const account = makeAccount();
    const key = makeKey(account.id);
    await ctx.store.createAccount(account, key);

    expect(await ctx.store.getAccount(account.id)).toEqual(account);
    expect(await ctx.store.findAccountByKeyHash(account.apiKeyHash)).toEqual(account);
    expect(await ctx.store.findAccountByKeyHash('unknown')).toBeNull();
    expect(await ctx.store.getAccount('unknown')).toBeNull();
    expect(await ctx.store.listSigningKeys(account.id, T0)).toEqual([key]);
  });

  it('counts its account writes, so that caches of accounts see them', async () => {
    const account = makeAccount();
    const before = ctx.store.accountWrites;
    await ctx.store.createAccount(account, makeKey(account.id));
    const created = ctx.store.accountWrites;
    expect(created).toBeGreaterThan(before);
    await ctx.store.updateAccountSettings(account.id, { webhook_body_format: 'compact' });
    expect(ctx.store.accountWrites).toBeGreaterThan(created);
  });

  it('rejects a second account with the same key hash', async () => {
    const account = makeAccount();
    await ctx.store.createAccount(account, makeKey(account.id));
    const twin = makeAccount({ apiKeyHash: account.apiKeyHash });
    await expect(ctx.store.createAccount(twin, makeKey(twin.id))).rejects.toThrow();
    expect(await ctx.store.getAccount(twin.id)).toBeNull();
  });

  it('updates settings and lists accounts oldest first', async () => {
    const later = makeAccount({ createdAt: T0 + 10 });
    const earlier = makeAccount({ createdAt: T0 });
    await ctx.store.createAccount(later, makeKey(later.id));
    await ctx.store.createAccount(earlier, makeKey(earlier.id));
    await ctx.store.updateAccountSettings(later.id, {
      webhook_body_format: 'compact',
      n: [1, null],
    });

    const listed = await ctx.store.listAccounts();
    expect(listed.map((account) => account.id)).toEqual([earlier.id, later.id]);
    expect(listed[1]?.settings).toEqual({ webhook_body_format: 'compact', n: [1, null] });
  });

  it('lists the current key first, then keys in their overlap window, newest first', async () => {
    const account = makeAccount();
    const first = makeKey(account.id, { createdAt: T0 });
    await ctx.store.createAccount(account, first);
    const second = makeKey(account.id, { createdAt: T0 + 100 });
    await ctx.store.rotateSigningKey(second, T0 + 1000);
    const third = makeKey(account.id, { createdAt: T0 + 200 });
    await ctx.store.rotateSigningKey(third, T0 + 2000);

    const ids = async (now: number): Promise<string[]> =>
      (await ctx.store.listSigningKeys(account.id, now)).map((key) => key.id);
    expect(await ids(T0 + 300)).toEqual([third.id, second.id, first.id]);
    expect(await ids(T0 + 1000)).toEqual([third.id, second.id]);
    expect(await ids(T0 + 2000)).toEqual([third.id]);

    const [current, retiring] = await ctx.store.listSigningKeys(account.id, T0 + 300);
    expect(current).toEqual(third);
    expect(retiring).toEqual({ ...second, retiresAt: T0 + 2000 });
  });

  it('keeps keys per account', async () => {
    const a = makeAccount();
    const b = makeAccount();
    await ctx.store.createAccount(a, makeKey(a.id));
    await ctx.store.createAccount(b, makeKey(b.id));
    await ctx.store.rotateSigningKey(makeKey(a.id, { createdAt: T0 + 1 }), T0 + 10);

    expect(await ctx.store.listSigningKeys(a.id, T0)).toHaveLength(2);
    expect(await ctx.store.listSigningKeys(b.id, T0)).toHaveLength(1);
  });
}

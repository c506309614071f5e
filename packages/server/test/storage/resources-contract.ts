import { expect, it } from 'vitest';
import type { Resource } from '../../src/storage/store.js';
import { T0 } from './store-fixtures.js';
import type { ContractContext } from './store-fixture.js';

function resource(overrides: Partial<Resource> = {}): Resource {
  return {
    accountId: 'acct',
    kind: 'application',
    id: 'app-1',
    data: { application_name: 'demo', webhook_event_url: 'https://example.com/hooks', n: 1.5 },
    createdAt: T0,
    updatedAt: T0,
    ...overrides,
  };
}

export function resourcesContract(ctx: ContractContext): void {
  it('puts, gets, updates and deletes a resource', async () => {
    const created = resource();
    await ctx.store.putResource(created);
    expect(await ctx.store.getResource('acct', 'application', 'app-1')).toEqual(created);

    const updated = resource({ data: { application_name: 'renamed' }, updatedAt: T0 + 5 });
    await ctx.store.putResource(updated);
    expect(await ctx.store.getResource('acct', 'application', 'app-1')).toEqual(updated);

    expect(await ctx.store.deleteResource('acct', 'application', 'app-1')).toBe(true);
    expect(await ctx.store.deleteResource('acct', 'application', 'app-1')).toBe(false);
    expect(await ctx.store.getResource('acct', 'application', 'app-1')).toBeNull();
  });

  it('keeps the creation time when a resource is replaced', async () => {
    await ctx.store.putResource(resource());
    await ctx.store.putResource(resource({ createdAt: T0 + 99, updatedAt: T0 + 99 }));
    const stored = await ctx.store.getResource('acct', 'application', 'app-1');
    expect(stored?.createdAt).toBe(T0);
    expect(stored?.updatedAt).toBe(T0 + 99);
  });

  it('lists resources of one account and kind, oldest first', async () => {
    await ctx.store.putResource(resource({ id: 'b', createdAt: T0 + 2 }));
    await ctx.store.putResource(resource({ id: 'a', createdAt: T0 + 1 }));
    await ctx.store.putResource(resource({ id: 'c', createdAt: T0 + 3 }));
    await ctx.store.putResource(resource({ id: 'x', kind: 'messaging_profile' }));
    await ctx.store.putResource(resource({ id: 'y', accountId: 'other' }));

    const listed = await ctx.store.listResources('acct', 'application');
    expect(listed.map((item) => item.id)).toEqual(['a', 'b', 'c']);
  });

  it('scopes ids by account and kind', async () => {
    await ctx.store.putResource(resource({ data: { v: 1 } }));
    await ctx.store.putResource(resource({ kind: 'call', data: { v: 2 } }));
    await ctx.store.putResource(resource({ accountId: 'other', data: { v: 3 } }));

    expect((await ctx.store.getResource('acct', 'application', 'app-1'))?.data).toEqual({ v: 1 });
    expect((await ctx.store.getResource('acct', 'call', 'app-1'))?.data).toEqual({ v: 2 });
    expect((await ctx.store.getResource('other', 'application', 'app-1'))?.data).toEqual({ v: 3 });
    expect(await ctx.store.deleteResource('other', 'call', 'app-1')).toBe(false);
  });

  it('holds each phone number in one resource of one account only', async () => {
    const number = (accountId: string, id: string, e164 = '+13125550001') =>
      resource({ accountId, kind: 'phone_number', id, data: { id, phone_number: e164 } });
    await ctx.store.putResource(number('acct', 'n1'));
    await ctx.store.putResource({ ...number('acct', 'n1'), updatedAt: T0 + 1 });
    const conflict = { name: 'ResourceConflictError', code: 'RESOURCE_CONFLICT' };
    await expect(ctx.store.putResource(number('other', 'n2'))).rejects.toMatchObject(conflict);
    await expect(ctx.store.putResource(number('acct', 'n3'))).rejects.toMatchObject(conflict);
    expect(await ctx.store.listResources('other', 'phone_number')).toEqual([]);

    // Other kinds may hold the same value, and a deleted number is free again.
    const call = { kind: 'call', id: 'c1', data: { phone_number: '+13125550001' } };
    await ctx.store.putResource(resource({ accountId: 'other', ...call }));
    await ctx.store.putResource(number('other', 'n4', '+13125550002'));
    expect(await ctx.store.deleteResource('acct', 'phone_number', 'n1')).toBe(true);
    await ctx.store.putResource(number('other', 'n2'));
  });
}

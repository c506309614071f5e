import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import type { ForwardAttempt, NewCapture } from '../../src/storage/inbox-store.js';
import type { Store } from '../../src/storage/store.js';
import { T0 } from './store-fixtures.js';
import type { ContractContext } from './store-fixture.js';

function capture(overrides: Partial<NewCapture> = {}): NewCapture {
  return {
    id: randomUUID(),
    accountId: 'acct',
    inboxId: 'inbox-1',
    method: 'POST',
    path: '/switchboard/inbox/tok/hooks',
    query: 'a=1&b=%00',
    headers: [
      ['Content-Type', 'application/json'],
      ['X-Repeat', '1'],
      ['X-Repeat', '2'],
    ],
    body: new Uint8Array([0, 1, 2, 255, 0x7b]),
    remoteAddress: '127.0.0.1',
    receivedAt: T0,
    eventType: 'call.answered',
    verification: null,
    ...overrides,
  };
}

function forward(overrides: Partial<ForwardAttempt> = {}): ForwardAttempt {
  return {
    id: randomUUID(),
    url: 'http://localhost:3000/webhooks',
    status: 200,
    headers: [['content-type', 'text/plain']],
    body: 'ok\u0000',
    latencyMs: 12.5,
    error: null,
    final: true,
    reportedAt: T0 + 5,
    ...overrides,
  };
}

async function insertMany(store: Store, items: readonly Partial<NewCapture>[]): Promise<string[]> {
  const ids: string[] = [];
  for (const item of items) ids.push((await store.inboxes.insertCapture(capture(item))).id);
  return ids;
}

export function capturesContract(ctx: ContractContext): void {
  it('stores a capture byte-exact and reads it back', async () => {
    const input = capture();
    const stored = await ctx.store.inboxes.insertCapture(input);
    expect(stored).toEqual({ ...input, sequence: stored.sequence, forwards: [] });
    expect(stored.sequence).toBeGreaterThan(0);
    expect(await ctx.store.inboxes.getCapture('acct', input.id)).toEqual(stored);
    expect(await ctx.store.inboxes.getCapture('other', input.id)).toBeNull();
  });

  it('gives increasing sequences and replays after a cursor, oldest first', async () => {
    const ids = await insertMany(ctx.store, [{}, { inboxId: 'inbox-2' }, {}, { accountId: 'x' }]);
    const all = await ctx.store.inboxes.capturesAfter('acct', 0, 10, {});
    expect(all.map((item) => item.id)).toEqual(ids.slice(0, 3));
    const [first, second, third] = all.map((item) => item.sequence);
    expect(first).toBeLessThan(second ?? 0);
    expect(second).toBeLessThan(third ?? 0);
    const after = await ctx.store.inboxes.capturesAfter('acct', first ?? 0, 10, {});
    expect(after.map((item) => item.id)).toEqual(ids.slice(1, 3));
    const oneInbox = await ctx.store.inboxes.capturesAfter('acct', 0, 10, { inboxId: 'inbox-1' });
    expect(oneInbox.map((item) => item.id)).toEqual([ids[0], ids[2]]);
    expect(await ctx.store.inboxes.capturesAfter('acct', 0, 1, {})).toHaveLength(1);
    expect(await ctx.store.inboxes.lastCaptureSequence('acct')).toBe(third);
    expect(await ctx.store.inboxes.lastCaptureSequence('nobody')).toBe(0);
  });

  it('filters a stream by event type', async () => {
    const ids = await insertMany(ctx.store, [{ eventType: 'a' }, { eventType: null }, {}]);
    const rows = await ctx.store.inboxes.capturesAfter('acct', 0, 10, { eventTypes: ['a'] });
    expect(rows.map((item) => item.id)).toEqual([ids[0]]);
  });

  it('lists captures newest first with filters and a total', async () => {
    const ids = await insertMany(ctx.store, [
      { verification: 'verified', receivedAt: T0 + 1 },
      { verification: 'WH_SIGNATURE_MISMATCH', receivedAt: T0 + 2, eventType: 'message.sent' },
      { receivedAt: T0 + 3 },
      { inboxId: 'inbox-2', receivedAt: T0 + 4 },
    ]);
    const list = (filter: Parameters<Store['inboxes']['listCaptures']>[1], size = 10) =>
      ctx.store.inboxes.listCaptures('acct', filter, { number: 1, size });
    expect((await list({})).rows.map((row) => row.id)).toEqual([...ids].reverse());
    expect((await list({ inboxId: 'inbox-1' })).total).toBe(3);
    expect((await list({ verified: true })).rows.map((row) => row.id)).toEqual([ids[0]]);
    expect((await list({ verified: false })).rows.map((row) => row.id)).toEqual([ids[1]]);
    expect((await list({ eventTypes: ['message.sent'] })).total).toBe(1);
    const range = await list({ receivedGte: T0 + 2, receivedLte: T0 + 3 });
    expect(range.rows.map((row) => row.id)).toEqual([ids[2], ids[1]]);
    const page = await ctx.store.inboxes.listCaptures('acct', {}, { number: 2, size: 3 });
    expect(page).toMatchObject({ total: 4, rows: [{ id: ids[0] }] });
  });

  it('appends forward attempts in order, and only to an existing capture', async () => {
    const stored = await ctx.store.inboxes.insertCapture(capture());
    const first = forward({ status: null, error: 'connect ECONNREFUSED', final: false });
    const second = forward();
    expect(await ctx.store.inboxes.addForwardAttempt('acct', stored.id, first)).toBe(true);
    expect(await ctx.store.inboxes.addForwardAttempt('acct', stored.id, second)).toBe(true);
    expect(await ctx.store.inboxes.addForwardAttempt('other', stored.id, second)).toBe(false);
    const read = await ctx.store.inboxes.getCapture('acct', stored.id);
    expect(read?.forwards).toEqual([first, second].map((item) => ({ ...item, body: 'ok\uFFFD' })));
  });

  it('finds an inbox resource by its token', async () => {
    const data = { token: 'tok-abc', name: 'dev' };
    const inbox = {
      accountId: 'acct',
      kind: 'inbox',
      id: 'i1',
      data,
      createdAt: T0,
      updatedAt: T0,
    };
    await ctx.store.putResource(inbox);
    await ctx.store.putResource({ ...inbox, kind: 'other', id: 'o1', data: { token: 'tok-x' } });
    expect(await ctx.store.inboxes.findInboxByToken('tok-abc')).toEqual(inbox);
    expect(await ctx.store.inboxes.findInboxByToken('tok-x')).toBeNull();
    await ctx.store.deleteResource('acct', 'inbox', 'i1');
    expect(await ctx.store.inboxes.findInboxByToken('tok-abc')).toBeNull();
  });

  it('keeps sequences in commit order when two stores insert at once', async () => {
    const peer = await ctx.fixture.openPeer();
    try {
      const writes = Array.from({ length: 40 }, (_, n) =>
        (n % 2 === 0 ? ctx.store : peer).inboxes.insertCapture(capture()),
      );
      const stored = await Promise.all(writes);
      const replayed = await peer.inboxes.capturesAfter('acct', 0, 100, {});
      expect(replayed).toHaveLength(40);
      expect(new Set(replayed.map((row) => row.sequence)).size).toBe(40);
      expect(new Set(replayed.map((row) => row.id))).toEqual(new Set(stored.map((row) => row.id)));
    } finally {
      await peer.close();
    }
  });
}

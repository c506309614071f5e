import { beforeEach, expect, it } from 'vitest';
import type {
  AttemptRecord,
  DeliveryFilter,
  DeliveryUpdate,
  Page,
} from '../../src/storage/store.js';
import { makeAttempt, publishOne, T0 } from './store-fixtures.js';
import type { ContractContext } from './store-fixture.js';

interface Seeded {
  readonly ids: readonly [string, string, string, string];
}

/** Runs one claim (the only due delivery at `now`) and completes it as given. */
async function settle(
  ctx: ContractContext,
  now: number,
  attempt: Partial<AttemptRecord>,
  update: DeliveryUpdate,
): Promise<void> {
  const [claimed] = await ctx.store.claimDue({ owner: 'w', now, limit: 1, leaseMs: 1000 });
  if (claimed === undefined) throw new Error(`nothing due at ${now}`);
  const attempts = [makeAttempt(claimed.id, 1, attempt)];
  await ctx.store.complete({ deliveryId: claimed.id, owner: 'w', rounds: 1, attempts, update });
}

/**
 * Four deliveries, oldest first: delivered, failed, retrying (its try went to the failover URL),
 * and never tried. Plus one in another account.
 */
async function seed(ctx: ContractContext): Promise<Seeded> {
  const publish = (n: number, eventType: string, marker: string) =>
    publishOne(
      ctx.store,
      'acct',
      { nextAttemptAt: T0 + n * 10 },
      { eventType, createdAt: T0 + n, webhook: { event_type: eventType, payload: { marker } } },
    );
  const d1 = await publish(1, 'message.sent', 'alpha');
  const d2 = await publish(2, 'message.finalized', 'Beta');
  const d3 = await publish(3, 'call.initiated', 'gamma');
  const d4 = await publish(100_000, 'call.initiated', 'delta');
  await publishOne(ctx.store, 'other', { nextAttemptAt: T0 + 1_000_000 });

  const ok = { status: 200, headers: [], body: 'All good.' } as const;
  await settle(
    ctx,
    T0 + 10,
    { status: 'delivered', errors: [], response: ok },
    {
      state: 'delivered',
      finishedAt: T0 + 15,
    },
  );
  await settle(
    ctx,
    T0 + 20,
    { error: 'timeout after 10000 ms', response: null },
    {
      state: 'failed',
      finishedAt: T0 + 25,
    },
  );
  await settle(
    ctx,
    T0 + 30,
    { url: 'https://fallback.example.com/webhooks' },
    {
      state: 'queued',
      nextAttemptAt: T0 + 90_000,
    },
  );
  return { ids: [d1.id, d2.id, d3.id, d4.id] };
}

export function listDeliveriesContract(ctx: ContractContext): void {
  let seeded: Seeded;
  beforeEach(async () => {
    seeded = await seed(ctx);
  });

  const list = async (filter: DeliveryFilter, page: Page = { number: 1, size: 20 }) => {
    const result = await ctx.store.listDeliveries('acct', filter, page);
    const [d1, d2, d3, d4] = seeded.ids;
    const names = new Map([
      [d1, 'd1'],
      [d2, 'd2'],
      [d3, 'd3'],
      [d4, 'd4'],
    ]);
    return { names: result.rows.map((row) => names.get(row.id) ?? row.id), total: result.total };
  };
  const names = async (filter: DeliveryFilter) => (await list(filter)).names;

  it('lists an account’s deliveries newest first', async () => {
    expect(await list({})).toEqual({ names: ['d4', 'd3', 'd2', 'd1'], total: 4 });
    const other = await ctx.store.listDeliveries('other', {}, { number: 1, size: 20 });
    expect(other.total).toBe(1);
  });

  it('returns whole deliveries', async () => {
    const [d1] = seeded.ids;
    const { rows } = await ctx.store.listDeliveries(
      'acct',
      { status: 'delivered' },
      { number: 1, size: 5 },
    );
    expect(rows).toEqual([await ctx.store.getDelivery('acct', d1)]);
  });

  it('filters by status, reporting retrying deliveries as failed', async () => {
    expect(await names({ status: 'delivered' })).toEqual(['d1']);
    expect(await names({ status: 'failed' })).toEqual(['d4', 'd3', 'd2']);
  });

  it('filters by event type', async () => {
    expect(await names({ eventTypes: ['call.initiated'] })).toEqual(['d4', 'd3']);
    expect(await names({ eventTypes: ['message.sent', 'message.finalized'] })).toEqual([
      'd2',
      'd1',
    ]);
    expect(await names({ eventTypes: ['nope'] })).toEqual([]);
    expect(await names({ eventTypes: [] })).toEqual(['d4', 'd3', 'd2', 'd1']);
  });

  it('filters by a case-sensitive substring of the webhook', async () => {
    expect(await names({ webhookContains: 'alpha' })).toEqual(['d1']);
    expect(await names({ webhookContains: 'beta' })).toEqual([]);
    expect(await names({ webhookContains: 'Beta' })).toEqual(['d2']);
    expect(await names({ webhookContains: 'call.initiated' })).toEqual(['d4', 'd3']);
    expect(await names({ webhookContains: '%' })).toEqual([]);
    expect(await names({ webhookContains: '_' })).toEqual(['d4', 'd3', 'd2', 'd1']);
  });

  it('filters by a substring of the attempts', async () => {
    expect(await names({ attemptsContains: 'fallback.example.com' })).toEqual(['d3']);
    expect(await names({ attemptsContains: 'All good.' })).toEqual(['d1']);
    expect(await names({ attemptsContains: 'timeout after' })).toEqual(['d2']);
    expect(await names({ attemptsContains: '75499' })).toEqual(['d3', 'd2']);
    expect(await names({ attemptsContains: 'content-type' })).toEqual(['d3', 'd2', 'd1']);
    expect(await names({ attemptsContains: 'all good' })).toEqual([]);
  });

  it('filters by start and finish times, bounds included', async () => {
    expect(await names({ startedGte: T0 + 20 })).toEqual(['d3', 'd2']);
    expect(await names({ startedLte: T0 + 20 })).toEqual(['d2', 'd1']);
    expect(await names({ startedGte: T0 + 20, startedLte: T0 + 20 })).toEqual(['d2']);
    expect(await names({ finishedGte: T0 + 16 })).toEqual(['d2']);
    expect(await names({ finishedLte: T0 + 15 })).toEqual(['d1']);
  });

  it('pages with a 1-based number and the total of all pages', async () => {
    expect(await list({}, { number: 1, size: 3 })).toEqual({ names: ['d4', 'd3', 'd2'], total: 4 });
    expect(await list({}, { number: 2, size: 3 })).toEqual({ names: ['d1'], total: 4 });
    expect(await list({}, { number: 3, size: 3 })).toEqual({ names: [], total: 4 });
  });

  it('combines filters', async () => {
    const filter: DeliveryFilter = {
      status: 'failed',
      eventTypes: ['call.initiated', 'message.finalized'],
      webhookContains: 'a',
      startedGte: T0,
    };
    expect(await list(filter, { number: 2, size: 1 })).toEqual({ names: ['d2'], total: 2 });
  });
}

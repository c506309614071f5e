import { expect, it } from 'vitest';
import type { Store } from '../../src/storage/store.js';
import { makeEvent, makeNewDelivery, T0 } from './store-fixtures.js';
import type { ContractContext } from './store-fixture.js';

/** Claims until nothing is left; returns every id it got. */
async function drain(store: Store, owner: string): Promise<string[]> {
  const claimed: string[] = [];
  for (;;) {
    const batch = await store.claimDue({ owner, now: T0, limit: 7, leaseMs: 60_000 });
    if (batch.length === 0) return claimed;
    claimed.push(...batch.map((delivery) => delivery.id));
  }
}

async function withPeer(ctx: ContractContext, use: (peer: Store) => Promise<void>): Promise<void> {
  const peer = await ctx.fixture.openPeer();
  try {
    await use(peer);
  } finally {
    await peer.close();
  }
}

export function concurrencyContract(ctx: ContractContext): void {
  it('never hands one delivery to two stores claiming at once', async () => {
    const published = new Set<string>();
    for (let n = 0; n < 50; n++) {
      const deliveries = Array.from({ length: 6 }, () => makeNewDelivery());
      await ctx.store.publish({ event: makeEvent('acct'), deliveries });
      for (const delivery of deliveries) published.add(delivery.id);
    }

    await withPeer(ctx, async (peer) => {
      const [mine, theirs] = await Promise.all([drain(ctx.store, 'a'), drain(peer, 'b')]);
      const all = [...mine, ...theirs];
      expect(all).toHaveLength(published.size);
      expect(new Set(all)).toEqual(published);
    });
  });

  it('creates a repeated event once when two stores publish it at once', async () => {
    const event = makeEvent('acct');
    await withPeer(ctx, async (peer) => {
      const results = await Promise.all([
        ctx.store.publish({ event, deliveries: [makeNewDelivery()] }),
        peer.publish({ event, deliveries: [makeNewDelivery()] }),
      ]);
      expect(results.filter((result) => result.created)).toHaveLength(1);
      expect(await peer.countQueued()).toBe(1);
    });
  });

  it('claims in full what another store published, whoever claims', async () => {
    const options = { chaos: { seed: 7 } };
    const mine = makeNewDelivery({ options });
    const theirs = makeNewDelivery({ options });
    await ctx.store.publish({ event: makeEvent('acct'), deliveries: [mine] });
    await withPeer(ctx, async (peer) => {
      await peer.publish({ event: makeEvent('acct'), deliveries: [theirs] });
      const claimed = await ctx.store.claimDue({ owner: 'a', now: T0, limit: 5, leaseMs: 1 });
      expect(claimed.map((delivery) => delivery.id).sort()).toEqual([mine.id, theirs.id].sort());
      for (const delivery of claimed) {
        expect(delivery).toEqual(await peer.getDelivery('acct', delivery.id));
      }
      // Claimed once already, so this claim reads every column back.
      const again = await peer.claimDue({ owner: 'b', now: T0 + 1, limit: 5, leaseMs: 1 });
      for (const delivery of again) {
        expect(delivery).toEqual(await ctx.store.getDelivery('acct', delivery.id));
      }
      expect(again).toHaveLength(2);
    });
  });

  it('migrates again without effect', async () => {
    await withPeer(ctx, async (peer) => {
      await Promise.all([ctx.store.migrate(), peer.migrate()]);
      expect(await peer.countQueued()).toBe(0);
    });
  });
}

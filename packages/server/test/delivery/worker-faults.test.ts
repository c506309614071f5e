import { describe, expect, it } from 'vitest';
import { DELIVERY_ERROR_CODES } from '../../src/engine/delivery/delivery-error-codes.js';
import type { CompleteInput, Store } from '../../src/storage/store.js';
import { publish, settled, startWorker, until } from './support/delivery-fixture.js';
import { useDeliveryHarness } from './support/delivery-harness.js';

const h = useDeliveryHarness();
const FAULT = DELIVERY_ERROR_CODES.internalFault;

/** The fixture's store with some methods replaced (the rest bound to the real store). */
function storeWith(overrides: Partial<Record<keyof Store, unknown>>): Store {
  const store = h.fixture.store;
  return new Proxy(store, {
    get(target, name) {
      if (Object.hasOwn(overrides, name)) return overrides[name as keyof Store];
      const value: unknown = Reflect.get(target, name);
      return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
    },
  });
}

/** Replaces the harness's worker with one on `store`. */
async function restartOn(store: Store, options: Parameters<typeof startWorker>[1] = {}) {
  await h.worker.stop({ graceMs: 0 });
  h.worker = startWorker(h.fixture, { ...options, store });
}

const never = (): Promise<never> => new Promise(() => undefined);

describe('faults in one delivery', () => {
  it('a round whose record the store refuses is recorded as a fault (75009), and the others are not held', async () => {
    const refused = await publish(h.fixture, h.receiver.url('/refused'));
    const refuses = (input: CompleteInput): boolean =>
      input.deliveryId === refused && !input.attempts.some((a) => a.errors.includes(FAULT));
    const store = h.fixture.store;
    await restartOn(
      storeWith({
        completeMany: async (inputs: readonly CompleteInput[]) => {
          if (inputs.some(refuses)) throw new Error('batch refused');
          return store.completeMany(inputs);
        },
        complete: async (input: CompleteInput) => {
          if (refuses(input)) throw new Error('SQLITE_TOOBIG: string or blob too big');
          return store.complete(input);
        },
      }),
    );
    const others = await Promise.all(
      [1, 2, 3].map(() => publish(h.fixture, h.receiver.url('/ok'))),
    );
    h.worker.wake();

    for (const id of others)
      expect(await settled(h.fixture, id, 1)).toMatchObject({ state: 'delivered' });
    expect(await settled(h.fixture, refused, 1)).toMatchObject({ state: 'queued', rounds: 1 });
    const [attempt] = await store.listAttempts(refused);
    expect(attempt).toMatchObject({
      attempt: 1,
      url: h.receiver.url('/refused'),
      status: 'failed',
      errors: [FAULT],
      error: 'could not record the try: SQLITE_TOOBIG: string or blob too big',
      request: { body: null, headers: [] },
      response: null,
    });
    // The try itself was sent: it is sent again at the next round.
    expect(h.receiver.to('/refused')).toHaveLength(1);
  });

  it('hooks that throw stop neither the round nor the worker', async () => {
    const explode = (): void => {
      throw new Error('metrics broke');
    };
    await restartOn(h.fixture.store, { onRound: explode, onAttempt: explode });
    const ids = await Promise.all([1, 2, 3].map(() => publish(h.fixture, h.receiver.url('/ok'))));
    h.worker.wake();
    for (const id of ids)
      expect(await settled(h.fixture, id, 1)).toMatchObject({ state: 'delivered' });
  });
});

describe('stop with a store that never answers', () => {
  it('ends when the round records never answer', async () => {
    await restartOn(storeWith({ completeMany: never, complete: never, releaseLeases: never }));
    await publish(h.fixture, h.receiver.url('/ok'));
    h.worker.wake();
    await until(() => h.receiver.to('/ok').length > 0);
    await h.worker.stop({ graceMs: 50 });
  });

  it('ends when a claim never answers', async () => {
    let claims = 0;
    await restartOn(
      storeWith({
        claimDue: () => {
          claims += 1;
          return never();
        },
      }),
    );
    h.worker.wake();
    await until(() => claims > 0);
    await h.worker.stop({ graceMs: 50 });
  });

  it('ends when a try hangs, aborting it after the grace period', async () => {
    h.receiver.on('/hang', 'hang');
    const id = await publish(h.fixture, h.receiver.url('/hang'), { timeoutMs: 30_000 });
    h.worker.wake();
    await until(() => h.receiver.to('/hang').length > 0);
    await h.worker.stop({ graceMs: 50 });
    // The aborted round is not recorded; its lease is given back, so it is due again at once.
    expect(await h.fixture.store.getDelivery(h.fixture.accountId, id)).toMatchObject({
      attempts: 0,
      leaseOwner: null,
    });
  });
});

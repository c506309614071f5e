import { describe, expect, it } from 'vitest';
import { chaosDeliveries } from '../../src/engine/delivery/chaos/chaos-deliveries.js';
import { parseChaosProfile } from '../../src/engine/delivery/chaos/chaos-profile.js';
import { ChaosSequence } from '../../src/engine/delivery/chaos/chaos-sequence.js';
import { chaosStateOf } from '../../src/engine/delivery/chaos/chaos-state.js';
import { planTryChaos } from '../../src/engine/delivery/chaos/try-chaos.js';
import type { NewDelivery } from '../../src/storage/store.js';

const DELIVERY: NewDelivery = {
  id: 'd-1',
  target: {
    url: 'http://127.0.0.1:1/hook',
    failoverUrl: null,
    method: 'POST',
    apiVersion: '2',
    timeoutMs: 0,
    retrySchedule: null,
    bodyFormat: 'telnyx',
  },
  origin: 'http://127.0.0.1:1',
  nextAttemptAt: 1_000,
};

describe('chaos profiles', () => {
  it('accepts every documented field and refuses unknown or out-of-range ones', () => {
    const full = {
      duplicate: 0.5,
      reorder: { window: 10 },
      delay: { min_ms: 1, max_ms: 2 },
      fail_first: 3,
      stale_timestamp: true,
      clock_skew_secs: -5,
      concurrency: 2,
      seed: 7,
    };
    expect(parseChaosProfile(full)).toEqual({ ok: true, profile: full });
    expect(parseChaosProfile({ duplicate: 1.5 })).toMatchObject({ ok: false, field: 'duplicate' });
    expect(parseChaosProfile({ fail_frist: 1 })).toMatchObject({ ok: false, field: 'fail_frist' });
    expect(parseChaosProfile({ concurrency: 0 })).toMatchObject({
      ok: false,
      field: 'concurrency',
    });
    expect(parseChaosProfile([])).toMatchObject({ ok: false, field: '' });
  });

  it('plans publish-time faults from the seed and the ordinal alone', () => {
    const plan = (sequence: ChaosSequence) =>
      chaosDeliveries({
        delivery: DELIVERY,
        profile: { duplicate: 1, reorder: { window: 100 }, seed: 3 },
        streamKey: 'acct:event',
        newId: () => 'd-copy',
        randomSeed: () => 0,
        sequence,
      });
    const first = plan(new ChaosSequence());
    expect(first).toEqual(plan(new ChaosSequence()));
    expect(first.map((d) => d.id)).toEqual(['d-1', 'd-copy']);
    for (const delivery of first) {
      expect(delivery.nextAttemptAt - DELIVERY.nextAttemptAt).toBeLessThanOrEqual(100);
    }
    expect(chaosStateOf({ options: first[1]!.options ?? {} })).toMatchObject({
      duplicateOf: 'd-1',
      seed: 3,
      ordinal: 0,
    });
  });

  it('fails the first N tries unsent and shifts the signed clock', () => {
    const state = {
      profile: { fail_first: 2, stale_timestamp: true, clock_skew_secs: 60 },
      seed: 1,
      ordinal: 0,
      heldMs: 0,
      duplicateOf: null,
    };
    expect(planTryChaos(state, 2)).toMatchObject({ skipSend: true, timestampShiftMs: -300_000 });
    expect(planTryChaos(state, 3)).toMatchObject({ skipSend: false, delayMs: 0 });
  });
});

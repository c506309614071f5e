import { describe, expect, it } from 'vitest';
import type { ChaosProfile } from '../../src/engine/delivery/chaos/chaos-profile.js';
import { chaosHarness, eventually, faultsOf } from './support/chaos-harness.js';

const PROFILE: ChaosProfile = { duplicate: 0.5, delay: { min_ms: 0, max_ms: 30 }, seed: 1234 };
const EVENTS = 10;

/** Per published event, in publish order: how many copies arrived and the delay of each try. */
async function run(profile: ChaosProfile): Promise<string[]> {
  const h = await chaosHarness();
  try {
    const published = [];
    for (let i = 0; i < EVENTS; i += 1) published.push(await h.publish('/hook', profile));
    const pattern: string[] = [];
    let deliveryCount = 0;
    for (const { eventId } of published) {
      await eventually(async () => {
        const deliveries = await h.deliveriesOf(eventId);
        const attempts = await Promise.all(deliveries.map((d) => h.attemptsOf(d.id)));
        return attempts.every((list) => list.length === 1);
      });
      const deliveries = await h.deliveriesOf(eventId);
      deliveryCount += deliveries.length;
      const faults = await Promise.all(
        deliveries.map(async (d) =>
          JSON.stringify(
            faultsOf((await h.attemptsOf(d.id))[0]).map((f) => [f.fault, f.detail['ms'] ?? null]),
          ),
        ),
      );
      pattern.push(faults.sort().join(' + '));
    }
    expect(h.receiver.arrivals).toHaveLength(deliveryCount);
    return pattern;
  } finally {
    await h.close();
  }
}

describe('chaos with a seed', () => {
  it('repeats the same faults for the same events, and other faults for another seed', async () => {
    const first = await run(PROFILE);
    const second = await run(PROFILE);
    const other = await run({ ...PROFILE, seed: 99 });

    expect(second).toEqual(first);
    expect(other).not.toEqual(first);
    const duplicated = first.filter((entry) => entry.includes('duplicate')).length;
    expect(duplicated).toBeGreaterThan(0);
    expect(duplicated).toBeLessThan(EVENTS);
  });
});

import type { NewDelivery } from '../../../storage/delivery-records.js';
import type { ChaosProfile } from './chaos-profile.js';
import { reorderWindowMs } from './chaos-profile.js';
import { drawInteger, seededRandom } from '@switchboard/core';
import { CHAOS_SEQUENCE, type ChaosSequence } from './chaos-sequence.js';
import { chaosStateJson, type ChaosState } from './chaos-state.js';

export interface ChaosDeliveriesInput {
  /** The one delivery the event would have without chaos. */
  readonly delivery: NewDelivery;
  readonly profile: ChaosProfile;
  /** Names the profile's event stream (account and application, profile or event route). */
  readonly streamKey: string;
  readonly newId: () => string;
  /** Draws a seed when the profile has none (uniform 32-bit integer). */
  readonly randomSeed: () => number;
  readonly sequence?: ChaosSequence;
}

/**
 * Applies the publish-time faults. `reorder` holds the delivery a random time within the
 * window, so events published close together leave in shuffled order; `duplicate` adds a
 * second delivery of the same event (same `data.id`). Both are written with the event, in
 * the same transaction, so they survive a restart like any delivery.
 */
export function chaosDeliveries(input: ChaosDeliveriesInput): NewDelivery[] {
  const { profile, delivery } = input;
  const seed = profile.seed ?? input.randomSeed();
  const ordinal =
    profile.seed === undefined
      ? 0
      : (input.sequence ?? CHAOS_SEQUENCE).take(`${input.streamKey}:${seed}`);
  const base: ChaosState = { profile, seed, ordinal, heldMs: 0, duplicateOf: null };
  const first = held(delivery, { ...base, heldMs: holdFor(base, 'first') });
  const duplicate = seededRandom(seed, ordinal, 'duplicate')() < (profile.duplicate ?? 0);
  if (!duplicate) return [first];
  const copy = { ...base, heldMs: holdFor(base, 'copy'), duplicateOf: delivery.id };
  return [first, held({ ...delivery, id: input.newId() }, copy)];
}

function holdFor(state: ChaosState, which: string): number {
  const window = reorderWindowMs(state.profile);
  if (window === 0) return 0;
  return drawInteger(seededRandom(state.seed, state.ordinal, 'reorder', which), 0, window);
}

function held(delivery: NewDelivery, state: ChaosState): NewDelivery {
  return {
    ...delivery,
    nextAttemptAt: delivery.nextAttemptAt + state.heldMs,
    options: { ...delivery.options, chaos: chaosStateJson(state) },
  };
}

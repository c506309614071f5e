import type { JsonObject } from '../../../storage/json.js';
import { reorderWindowMs } from './chaos-profile.js';
import { drawInteger, seededRandom } from '@switchboard/core';
import type { ChaosState } from './chaos-state.js';

/** Receivers reject timestamps more than 300 s old; a stale one is this much older than now. */
export const STALE_TIMESTAMP_SECS = 360;

/** The faults to inject into one try, decided before it starts. */
export interface TryChaos {
  readonly delayMs: number;
  /** Counted as a failed try without being sent (`fail_first`). */
  readonly skipSend: boolean;
  /** Added to the clock when the signature timestamp is taken. */
  readonly timestampShiftMs: number;
  /** Recorded on the attempt as `meta.chaos`: what was done and why. */
  readonly faults: readonly JsonObject[];
}

/** No fault: what a try without chaos gets. */
export const NO_CHAOS: TryChaos = { delayMs: 0, skipSend: false, timestampShiftMs: 0, faults: [] };

/**
 * Decides the faults of try number `attempt` (1-based `meta.attempt`). Draws come from the
 * delivery's seed, ordinal and attempt, so the same run repeats exactly.
 */
export function planTryChaos(state: ChaosState, attempt: number): TryChaos {
  const { profile } = state;
  const faults: JsonObject[] = [...publishFaults(state, attempt)];
  const delayMs = tryDelay(state, attempt);
  if (delayMs > 0) faults.push({ fault: 'delay', detail: { ms: delayMs } });
  const failFirst = profile.fail_first ?? 0;
  const skipSend = attempt <= failFirst;
  if (skipSend) faults.push({ fault: 'fail_first', detail: { try: attempt, of: failFirst } });
  return { delayMs, skipSend, timestampShiftMs: shiftSecs(profile, faults) * 1000, faults };
}

/** Reorder and duplicate happened at publish; the first try reports them. */
function publishFaults(state: ChaosState, attempt: number): JsonObject[] {
  const faults: JsonObject[] = [];
  if (attempt === 1 && reorderWindowMs(state.profile) > 0) {
    const detail = { held_ms: state.heldMs, window_ms: reorderWindowMs(state.profile) };
    faults.push({ fault: 'reorder', detail });
  }
  if (state.duplicateOf !== null) {
    const detail = { of: state.duplicateOf, probability: state.profile.duplicate ?? 0 };
    faults.push({ fault: 'duplicate', detail });
  }
  return faults;
}

function tryDelay(state: ChaosState, attempt: number): number {
  const delay = state.profile.delay;
  if (delay === undefined) return 0;
  const copy = state.duplicateOf === null ? 'first' : 'copy';
  const random = seededRandom(state.seed, state.ordinal, 'delay', attempt, copy);
  return drawInteger(random, delay.min_ms, delay.max_ms);
}

function shiftSecs(profile: ChaosState['profile'], faults: JsonObject[]): number {
  let secs = 0;
  if (profile.stale_timestamp === true) {
    secs -= STALE_TIMESTAMP_SECS;
    faults.push({ fault: 'stale_timestamp', detail: { age_secs: STALE_TIMESTAMP_SECS } });
  }
  const skew = profile.clock_skew_secs ?? 0;
  if (skew !== 0) {
    secs += skew;
    faults.push({ fault: 'clock_skew', detail: { secs: skew } });
  }
  return secs;
}

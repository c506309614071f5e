import type { ChaosProfile } from '../chaos/chaos-flags.js';
import { drawInteger, seededRandom } from '@switchboard/core';

/** Fault injection for one `listen` run: the flags' profile and the seed every draw comes from. */
export interface ListenChaos {
  readonly profile: ChaosProfile;
  readonly seed: number;
}

/** The faults for one copy of a capture (a duplicate is a second copy, forwarded after the first). */
export interface CopyPlan {
  /** Tries reported as failed without being sent before the real ones. */
  readonly failFirst: number;
  /** Added to the signing time for `--resign`; null signs at the server's clock. */
  readonly timestampShiftSecs: number | null;
  /** Faults noted on every real try of this copy. */
  readonly notes: readonly string[];
  /** The wait before try `attempt` (1-based, injected tries counted). */
  delayMs(attempt: number): number;
}

/** A copy with no fault: what every capture gets when chaos is off. */
export const PLAIN_COPY: CopyPlan = {
  failFirst: 0,
  timestampShiftSecs: null,
  notes: [],
  delayMs: () => 0,
};

/** As the engine's `stale_timestamp`: past the 300 s tolerance receivers allow. */
export const STALE_SECS = 360;

/**
 * The copies to forward for the `ordinal`-th capture of the run (0-based) and the faults of
 * each. Every draw is keyed by (seed, ordinal, fault), so a seed gives the same faults per
 * ordinal in every run. `extraNotes` are faults decided elsewhere (the reorder window).
 */
export function copyPlans(
  chaos: ListenChaos | null,
  ordinal: number,
  extraNotes: readonly string[] = [],
): CopyPlan[] {
  if (chaos === null) return [{ ...PLAIN_COPY, notes: extraNotes }];
  const { profile } = chaos;
  const copies = duplicated(chaos, ordinal) ? 2 : 1;
  const notes = [...extraNotes, ...standingNotes(profile)];
  return Array.from({ length: copies }, (_, copy) => ({
    failFirst: profile.fail_first ?? 0,
    timestampShiftSecs: timestampShift(profile),
    notes: copies === 1 ? notes : [...notes, `duplicate ${copy + 1}/2`],
    delayMs: (attempt: number) => delayFor(chaos, ordinal, copy, attempt),
  }));
}

/** A one-line summary of a profile, e.g. `duplicate 0.3, reorder, seed 42`. */
export function describeChaos(chaos: ListenChaos): string {
  const { profile } = chaos;
  const parts: string[] = [];
  if (profile.duplicate !== undefined) parts.push(`duplicate ${profile.duplicate}`);
  if (profile.reorder === true) parts.push('reorder');
  if (profile.delay !== undefined) {
    parts.push(`delay ${profile.delay.min_ms}-${profile.delay.max_ms} ms`);
  }
  if (profile.fail_first !== undefined) parts.push(`fail-first ${profile.fail_first}`);
  parts.push(...standingNotes(profile).map((note) => note.replace('_', '-')));
  return [...parts, `seed ${chaos.seed}`].join(', ');
}

function duplicated(chaos: ListenChaos, ordinal: number): boolean {
  const probability = chaos.profile.duplicate ?? 0;
  return probability > 0 && seededRandom(chaos.seed, ordinal, 'duplicate')() < probability;
}

function delayFor(chaos: ListenChaos, ordinal: number, copy: number, attempt: number): number {
  const range = chaos.profile.delay;
  if (range === undefined) return 0;
  const random = seededRandom(chaos.seed, ordinal, 'delay', copy, attempt);
  return drawInteger(random, range.min_ms, range.max_ms);
}

function timestampShift(profile: ChaosProfile): number | null {
  if (profile.stale_timestamp !== true && profile.clock_skew_secs === undefined) return null;
  return (profile.stale_timestamp === true ? -STALE_SECS : 0) + (profile.clock_skew_secs ?? 0);
}

/** Faults that hold for every try: signing time and the concurrency bound. */
function standingNotes(profile: ChaosProfile): string[] {
  const notes: string[] = [];
  if (profile.stale_timestamp === true) notes.push(`stale_timestamp -${STALE_SECS}s`);
  if (profile.clock_skew_secs !== undefined)
    notes.push(`clock_skew ${signed(profile.clock_skew_secs)}s`);
  if (profile.concurrency !== undefined) notes.push(`concurrency ${profile.concurrency}`);
  return notes;
}

function signed(value: number): string {
  return value < 0 ? String(value) : `+${value}`;
}

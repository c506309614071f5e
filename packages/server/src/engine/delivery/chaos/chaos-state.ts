import type { Delivery } from '../../../storage/delivery-records.js';
import type { Json, JsonObject } from '../../../storage/json.js';
import { chaosProfileOf, type ChaosProfile } from './chaos-profile.js';

/**
 * What a delivery carries in `options.chaos`: the profile, the seed and ordinal its draws come
 * from, and the publish-time faults already applied (a hold for reordering, being a duplicate).
 */
export interface ChaosState {
  readonly profile: ChaosProfile;
  readonly seed: number;
  readonly ordinal: number;
  readonly heldMs: number;
  /** Set on the extra delivery made by `duplicate`: the id of the one it duplicates. */
  readonly duplicateOf: string | null;
}

/** The delivery's chaos, or null when none was asked for. */
export function chaosStateOf(delivery: Pick<Delivery, 'options'>): ChaosState | null {
  const stored = delivery.options['chaos'];
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return null;
  const profile = chaosProfileOf(stored['profile']);
  if (profile === null) return null;
  return {
    profile,
    seed: numberOr(stored['seed'], 0),
    ordinal: numberOr(stored['ordinal'], 0),
    heldMs: numberOr(stored['held_ms'], 0),
    duplicateOf: typeof stored['duplicate_of'] === 'string' ? stored['duplicate_of'] : null,
  };
}

/** The JSON form stored in `options.chaos`. */
export function chaosStateJson(state: ChaosState): JsonObject {
  const json: JsonObject = {
    profile: state.profile,
    seed: state.seed,
    ordinal: state.ordinal,
    held_ms: state.heldMs,
  };
  if (state.duplicateOf !== null) json['duplicate_of'] = state.duplicateOf;
  return json;
}

function numberOr(value: Json | undefined, fallback: number): number {
  return typeof value === 'number' ? value : fallback;
}

import type { Json, JsonObject } from '../../storage/json.js';
import { ownMember } from '../../own-member.js';

/**
 * Faults to inject into deliveries (issue 6), set on an application or messaging profile as
 * `switchboard_chaos`, or on one event as `chaos`. Every field is optional; an empty profile
 * injects nothing. See docs/chaos.md.
 */
export interface ChaosProfile {
  /** Probability (0..1) that an event is delivered twice, as two deliveries of one `data.id`. */
  readonly duplicate?: number;
  /** Hold each event a random time within the window (ms, default 1000), so they leave shuffled. */
  readonly reorder?: boolean | { readonly window: number };
  /** Wait a random time in [min_ms, max_ms] before each try. */
  readonly delay?: { readonly min_ms: number; readonly max_ms: number };
  /** The first N tries of each delivery fail without being sent. */
  readonly fail_first?: number;
  /** Sign with a timestamp older than the 300 s tolerance receivers allow. */
  readonly stale_timestamp?: boolean;
  /** Shift the signed timestamp by this many seconds (either sign). */
  readonly clock_skew_secs?: number;
  /** At most this many tries in flight at once for the target's origin. */
  readonly concurrency?: number;
  /** Makes the faults reproducible: the n-th event through a profile gets the same ones. */
  readonly seed?: number;
}

export type ChaosParse =
  | { readonly ok: true; readonly profile: ChaosProfile }
  | { readonly ok: false; readonly field: string; readonly expected: string };

const MAX_DELAY_MS = 10_000;
const MAX_WINDOW_MS = 60_000;
const MAX_SKEW_SECS = 86_400;

type FieldParser = (value: unknown) => Json | undefined;

const FIELDS: Readonly<Record<string, readonly [FieldParser, string]>> = {
  duplicate: [(v) => (isNumber(v) && v >= 0 && v <= 1 ? v : undefined), 'a number from 0 to 1'],
  reorder: [parseReorder, `true, false or { "window": 1..${MAX_WINDOW_MS} }`],
  delay: [parseDelay, `{ "min_ms", "max_ms" } with 0 <= min_ms <= max_ms <= ${MAX_DELAY_MS}`],
  fail_first: [(v) => integerIn(v, 0, 100), 'an integer from 0 to 100'],
  stale_timestamp: [(v) => (typeof v === 'boolean' ? v : undefined), 'a boolean'],
  clock_skew_secs: [
    (v) => integerIn(v, -MAX_SKEW_SECS, MAX_SKEW_SECS),
    `an integer from -${MAX_SKEW_SECS} to ${MAX_SKEW_SECS}`,
  ],
  concurrency: [(v) => integerIn(v, 1, 1000), 'an integer from 1 to 1000'],
  seed: [(v) => integerIn(v, 0, 2 ** 32 - 1), 'an integer from 0 to 4294967295'],
};

/** Checks a profile from a request body; unknown fields are an error, so typos do not go unseen. */
export function parseChaosProfile(value: unknown): ChaosParse {
  if (!isObject(value)) return { ok: false, field: '', expected: 'an object' };
  const profile: JsonObject = {};
  for (const [key, raw] of Object.entries(value)) {
    const rule = ownMember(FIELDS, key);
    if (rule === undefined) return { ok: false, field: key, expected: 'no such chaos field' };
    const parsed = rule[0](raw);
    if (parsed === undefined) return { ok: false, field: key, expected: rule[1] };
    profile[key] = parsed;
  }
  return { ok: true, profile };
}

/** The profile stored with a delivery, or null when chaos is off for it. */
export function chaosProfileOf(value: Json | undefined): ChaosProfile | null {
  if (value === undefined || value === null) return null;
  const parsed = parseChaosProfile(value);
  return parsed.ok ? parsed.profile : null;
}

/** The reorder window in ms, or 0 when reordering is off. */
export function reorderWindowMs(profile: ChaosProfile): number {
  const { reorder } = profile;
  if (reorder === undefined || reorder === false) return 0;
  return reorder === true ? 1_000 : reorder.window;
}

function parseReorder(value: unknown): Json | undefined {
  if (typeof value === 'boolean') return value;
  if (!isObject(value) || Object.keys(value).some((key) => key !== 'window')) return undefined;
  const window = integerIn(value['window'], 1, MAX_WINDOW_MS);
  return window === undefined ? undefined : { window };
}

function parseDelay(value: unknown): Json | undefined {
  if (!isObject(value) || Object.keys(value).some((k) => k !== 'min_ms' && k !== 'max_ms')) {
    return undefined;
  }
  const min = integerIn(value['min_ms'], 0, MAX_DELAY_MS);
  const max = integerIn(value['max_ms'], 0, MAX_DELAY_MS);
  return min === undefined || max === undefined || min > max
    ? undefined
    : { min_ms: min, max_ms: max };
}

function integerIn(value: unknown, min: number, max: number): number | undefined {
  return Number.isInteger(value) && (value as number) >= min && (value as number) <= max
    ? (value as number)
    : undefined;
}

function isNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

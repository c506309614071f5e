import { EGRESS_MODES, type EgressMode } from '../../engine/egress/egress-mode.js';
import type { RateSetting } from '../../http/rate-limit/rate-setting.js';

/** A parsed setting, or a message that names what was wrong (never echoing secrets). */
export type Parsed<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

export type Parser<T> = (text: string, name: string) => Parsed<T>;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export function text(): Parser<string> {
  return (value, name) =>
    value.trim() === '' ? { ok: false, error: `${name} must not be empty` } : { ok: true, value };
}

/** A whole number in `[min, max]`. */
export function int(min: number, max: number): Parser<number> {
  return (value, name) => {
    const number = /^\d+$/.test(value.trim()) ? Number(value) : Number.NaN;
    return Number.isInteger(number) && number >= min && number <= max
      ? { ok: true, value: number }
      : {
          ok: false,
          error: `${name} must be a whole number from ${min} to ${max}, got "${value}"`,
        };
  };
}

/** A comma list of delays in ms, e.g. `60000,300000`. */
export function delays(): Parser<readonly number[]> {
  const each = int(0, 7 * 24 * 3_600_000);
  return (value, name) => {
    const parts = value.split(',').map((part) => each(part.trim(), name));
    const bad = parts.find((part) => !part.ok);
    if (bad !== undefined) return bad;
    return { ok: true, value: parts.map((part) => (part.ok ? part.value : 0)) };
  };
}

/** One of `choices`, exactly as written. */
function oneOf<T extends string>(choices: readonly T[]): Parser<T> {
  return (value, name) =>
    (choices as readonly string[]).includes(value)
      ? { ok: true, value: value as T }
      : { ok: false, error: `${name} must be one of ${choices.join(', ')}, got "${value}"` };
}

export function logLevel(): Parser<LogLevel> {
  return oneOf(LOG_LEVELS);
}

/** Only PostgreSQL URLs; the URL itself is never echoed, since it may hold a password. */
export function postgresUrl(): Parser<string> {
  return (value, name) =>
    /^postgres(?:ql)?:\/\/\S+$/i.test(value) && URL.canParse(value)
      ? { ok: true, value }
      : { ok: false, error: `${name} must be a postgres:// or postgresql:// URL` };
}

/** `true`/`false`, `1`/`0`, `yes`/`no`, as flags and environment variables write switches. */
export function bool(): Parser<boolean> {
  return (value, name) => {
    const word = value.trim().toLowerCase();
    if (['true', '1', 'yes', 'on'].includes(word)) return { ok: true, value: true };
    if (['false', '0', 'no', 'off'].includes(word)) return { ok: true, value: false };
    return { ok: false, error: `${name} must be true or false, got "${value}"` };
  };
}

export function egressMode(): Parser<EgressMode> {
  return oneOf(EGRESS_MODES);
}

/** `100/s`, `6000/m` or a bare `100` (per second); the burst is one second's worth, at least 1. */
export function rate(): Parser<RateSetting> {
  return (value, name) => {
    const match = /^(\d+(?:\.\d+)?)(?:\/(s|m))?$/.exec(value.trim());
    const amount = Number(match?.[1]);
    const perSecond = match?.[2] === 'm' ? amount / 60 : amount;
    if (match === null || !(perSecond > 0) || perSecond > 1_000_000) {
      return {
        ok: false,
        error: `${name} must be a rate like 100/s or 6000/m (more than 0), got "${value}"`,
      };
    }
    return { ok: true, value: { perSecond, burst: Math.max(1, Math.ceil(perSecond)) } };
  };
}

const UNIT_MS: Readonly<Record<string, number>> = {
  ms: 1,
  s: 1_000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
};

/**
 * A duration such as `7d`, `24h`, `90m`, `30s` or `500ms`, as milliseconds in `[minMs, maxMs]`.
 * A unit is required: a bare `7` would be read as days by some and seconds by others.
 */
export function duration(minMs: number, maxMs: number): Parser<number> {
  return (value, name) => {
    const match = /^(\d+)(ms|s|m|h|d)$/.exec(value.trim());
    const unit = match?.[2] === undefined ? undefined : UNIT_MS[match[2]];
    const ms = unit === undefined ? Number.NaN : Number(match?.[1]) * unit;
    return ms >= minMs && ms <= maxMs
      ? { ok: true, value: ms }
      : {
          ok: false,
          error: `${name} must be a duration like 7d, 24h, 30m or 10s, from ${minMs} ms to ${maxMs} ms, got "${value}"`,
        };
  };
}

import type { Parser } from '../config/setting-parsers.js';

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

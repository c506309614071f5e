import type { Parser } from '../config/setting-parsers.js';

/** A sustained request rate per account, with the burst a client may spend at once. */
export interface RateSetting {
  readonly perSecond: number;
  /** Bucket size: how many requests may arrive together after a quiet spell. */
  readonly burst: number;
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

import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RETRY_SCHEDULE,
  MAX_RETRY_AFTER_MS,
  nextRound,
  parseRetryAfter,
} from '../../src/engine/delivery/retry-policy.js';

const NOW = 1_700_000_000_000;
const noJitter = (): number => 0.5;

describe('nextRound', () => {
  it('follows seed 003: +1 min, +5 min, +15 min, +1 h after the first round, then gives up', () => {
    const at = [1, 2, 3, 4].map((roundsDone) =>
      nextRound({
        roundsDone,
        schedule: DEFAULT_RETRY_SCHEDULE,
        now: NOW,
        retryAfterMs: null,
        random: noJitter,
      }),
    );
    expect(at).toEqual(
      [60_000, 300_000, 900_000, 3_600_000].map((delay) => ({ kind: 'retry', at: NOW + delay })),
    );
    expect(
      nextRound({
        roundsDone: 5,
        schedule: DEFAULT_RETRY_SCHEDULE,
        now: NOW,
        retryAfterMs: null,
        random: noJitter,
      }),
    ).toEqual({ kind: 'give-up' });
  });

  it('gives up at once with an empty schedule', () => {
    expect(
      nextRound({ roundsDone: 1, schedule: [], now: NOW, retryAfterMs: null, random: noJitter }),
    ).toEqual({ kind: 'give-up' });
  });

  it('spreads rounds by at most ±10% with the injected randomness', () => {
    const low = nextRound({
      roundsDone: 1,
      schedule: [60_000],
      now: NOW,
      retryAfterMs: null,
      random: () => 0,
    });
    const high = nextRound({
      roundsDone: 1,
      schedule: [60_000],
      now: NOW,
      retryAfterMs: null,
      random: () => 0.999_999,
    });
    expect(low).toEqual({ kind: 'retry', at: NOW + 54_000 });
    expect(high).toEqual({ kind: 'retry', at: NOW + 66_000 });
  });

  it('lets Retry-After delay a round but never bring it forward', () => {
    const later = nextRound({
      roundsDone: 1,
      schedule: [60_000],
      now: NOW,
      retryAfterMs: 120_000,
      random: noJitter,
    });
    const sooner = nextRound({
      roundsDone: 1,
      schedule: [60_000],
      now: NOW,
      retryAfterMs: 1_000,
      random: noJitter,
    });
    expect(later).toEqual({ kind: 'retry', at: NOW + 120_000 });
    expect(sooner).toEqual({ kind: 'retry', at: NOW + 60_000 });
  });

  it('caps Retry-After at one hour', () => {
    const capped = nextRound({
      roundsDone: 1,
      schedule: [60_000],
      now: NOW,
      retryAfterMs: 86_400_000,
      random: noJitter,
    });
    expect(capped).toEqual({ kind: 'retry', at: NOW + MAX_RETRY_AFTER_MS });
  });
});

describe('parseRetryAfter', () => {
  it('reads delay-seconds', () => {
    expect(parseRetryAfter('120', NOW)).toBe(120_000);
    expect(parseRetryAfter(' 0 ', NOW)).toBe(0);
  });

  it('reads an HTTP date relative to now, past dates as 0', () => {
    expect(parseRetryAfter(new Date(NOW + 30_000).toUTCString(), NOW)).toBe(30_000);
    expect(parseRetryAfter(new Date(NOW - 30_000).toUTCString(), NOW)).toBe(0);
  });

  it('ignores a missing or malformed value', () => {
    expect(parseRetryAfter(undefined, NOW)).toBeNull();
    expect(parseRetryAfter('soon', NOW)).toBeNull();
    expect(parseRetryAfter('-5', NOW)).toBeNull();
  });
});

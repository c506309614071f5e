import { describe, expect, it } from 'vitest';
import { parseRetryAfter, retryDelayMs } from '../src/retry-delay.js';

describe('retryDelayMs', () => {
  const base = { baseDelayMs: 100, maxDelayMs: 1_000, retryAfterMs: null };

  it('doubles the ceiling each try, up to the maximum, and draws below it', () => {
    const top = (attempts: number) => retryDelayMs({ ...base, attempts, random: () => 0.999999 });
    expect([1, 2, 3, 4, 5].map(top)).toEqual([99, 199, 399, 799, 999]);
    expect(retryDelayMs({ ...base, attempts: 3, random: () => 0 })).toBe(0);
  });

  it('waits at least what Retry-After asks', () => {
    expect(retryDelayMs({ ...base, attempts: 1, retryAfterMs: 3_000, random: () => 0.5 })).toBe(
      3_000,
    );
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('2', now)).toBe(2_000);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:05 GMT', now)).toBe(5_000);
  });
  it('ignores what it cannot read', () => {
    expect(parseRetryAfter(null, now)).toBeNull();
    expect(parseRetryAfter('soon', now)).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import type { AttemptOutcome } from '../../src/engine/delivery/attempt-outcome.js';
import { buildAttemptRecord } from '../../src/engine/delivery/attempt-record.js';
import { RECORD_LIMIT_BYTES } from '../../src/engine/delivery/capped-text.js';

const big = 'é'.repeat(RECORD_LIMIT_BYTES);

function record(
  outcome: AttemptOutcome,
  headers: Record<string, string> = {},
  body: string | null = '{}',
) {
  return buildAttemptRecord({
    id: 'a1',
    deliveryId: 'd1',
    attempt: 1,
    url: 'https://example.com/hook',
    request: { method: 'POST', url: 'https://example.com/hook', headers, body },
    outcome,
    startedAt: 1,
    finishedAt: 2,
    latencyMs: 1,
  });
}

describe('buildAttemptRecord', () => {
  it('hides the values of authorization, cookie and x-api-key but keeps their names', () => {
    const outcome: AttemptOutcome = {
      kind: 'delivered',
      response: { status: 200, headers: [], body: '' },
      redirects: [],
    };
    const { request } = record(outcome, {
      Authorization: 'Bearer s3cret',
      cookie: 'sid=1',
      'x-api-key': 'k',
      'user-agent': 'telnyx-webhooks',
    });
    expect(request.headers).toEqual([
      ['Authorization', '[hidden]'],
      ['cookie', '[hidden]'],
      ['x-api-key', '[hidden]'],
      ['user-agent', 'telnyx-webhooks'],
    ]);
    expect(JSON.stringify(request)).not.toContain('s3cret');
  });

  it('cuts request body, response body and response headers at 10 kB without splitting a character', () => {
    const headers: [string, string][] = Array.from({ length: 200 }, (_, i) => [
      `x-h${i}`,
      'v'.repeat(100),
    ]);
    const outcome: AttemptOutcome = {
      kind: 'final',
      code: 75499,
      reason: 'HTTP 400',
      response: { status: 400, headers, body: big },
      redirects: [],
    };
    const result = record(outcome, {}, big);
    for (const text of [result.request.body!, result.response!.body]) {
      expect(Buffer.byteLength(text)).toBeLessThanOrEqual(RECORD_LIMIT_BYTES);
      expect(Buffer.byteLength(text)).toBeGreaterThan(RECORD_LIMIT_BYTES - 2);
      expect(text).not.toContain('\uFFFD');
    }
    expect(Buffer.byteLength(JSON.stringify(result.response!.headers))).toBeLessThanOrEqual(
      RECORD_LIMIT_BYTES + 1024,
    );
    expect(result.response!.headers.length).toBeLessThan(200);
  });

  it('records failures with their Telnyx code, reason and the facts behind them', () => {
    const outcome: AttemptOutcome = {
      kind: 'retryable',
      code: 75499,
      reason: 'HTTP 429',
      retryAfterMs: 5_000,
      response: { status: 429, headers: [], body: '' },
      redirects: [{ status: 307, location: 'https://example.com/b' }],
    };
    expect(record(outcome)).toMatchObject({
      status: 'failed',
      errors: [75499],
      error: 'HTTP 429',
      meta: {
        outcome: 'retryable',
        retry_after_ms: 5_000,
        redirects: [{ status: 307, location: 'https://example.com/b' }],
      },
    });
  });
});

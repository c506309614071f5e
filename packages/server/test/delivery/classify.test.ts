import { describe, expect, it } from 'vitest';
import { classifyError } from '../../src/engine/delivery/classify-error.js';
import { classifyResponse } from '../../src/engine/delivery/classify-response.js';
import { claimMayHaveLeftSome, OriginSlots } from '../../src/engine/delivery/origin-slots.js';

const reply = (status: number, headers: [string, string][] = []) => ({ status, headers, body: '' });

function codedError(code: string, message = 'boom'): Error {
  return Object.assign(new Error(message), { code });
}

describe('classifyResponse', () => {
  it('follows seed 001: 2xx delivered, 408/429/5xx retryable, other statuses final', () => {
    const kinds = [200, 204, 299, 304, 400, 401, 404, 408, 410, 422, 429, 500, 503, 599].map(
      (status) => [status, classifyResponse(reply(status), [], 0).kind],
    );
    expect(kinds).toEqual([
      [200, 'delivered'],
      [204, 'delivered'],
      [299, 'delivered'],
      [304, 'final'],
      [400, 'final'],
      [401, 'final'],
      [404, 'final'],
      [408, 'retryable'],
      [410, 'final'],
      [422, 'final'],
      [429, 'retryable'],
      [500, 'retryable'],
      [503, 'retryable'],
      [599, 'retryable'],
    ]);
  });

  it('reads Retry-After only on 429 and 503', () => {
    const header: [string, string][] = [['retry-after', '30']];
    expect(classifyResponse(reply(429, header), [], 0)).toMatchObject({ retryAfterMs: 30_000 });
    expect(classifyResponse(reply(503, header), [], 0)).toMatchObject({ retryAfterMs: 30_000 });
    expect(classifyResponse(reply(500, header), [], 0)).toMatchObject({ retryAfterMs: null });
  });
});

describe('classifyError', () => {
  it('maps network faults to retryable Telnyx codes', () => {
    const cases: [unknown, number][] = [
      [codedError('ENOTFOUND'), 75001],
      [codedError('ECONNREFUSED'), 75002],
      [
        Object.assign(new AggregateError([codedError('ECONNREFUSED')], ''), {
          code: 'ECONNREFUSED',
        }),
        75002,
      ],
      [
        Object.assign(new Error('other side closed'), {
          code: 'UND_ERR_SOCKET',
          cause: codedError('ECONNRESET'),
        }),
        75002,
      ],
      [codedError('UND_ERR_CONNECT_TIMEOUT'), 75003],
      [codedError('DEPTH_ZERO_SELF_SIGNED_CERT'), 75005],
      [codedError('ERR_TLS_CERT_ALTNAME_INVALID'), 75005],
    ];
    for (const [error, code] of cases)
      expect(classifyError(error, [])).toMatchObject({ kind: 'retryable', code });
  });

  it('treats a URL that cannot be requested as final', () => {
    expect(classifyError(codedError('ERR_INVALID_URL'), [])).toMatchObject({
      kind: 'final',
      code: 75006,
    });
  });
});

describe('OriginSlots.plan', () => {
  it('gives each origin its own room, and excludes nearly full origins', () => {
    const slots = new OriginSlots(16);
    for (let i = 0; i < 14; i += 1) slots.acquire('http://busy');
    for (let i = 0; i < 6; i += 1) slots.acquire('http://warm');
    expect(slots.plan(44, 256)).toEqual({
      limit: 44,
      excludeOrigins: ['http://busy'],
      originRoom: { listed: { 'http://warm': 10 }, others: 16 },
    });
    for (let i = 0; i < 14; i += 1) slots.release('http://busy');
    expect(slots.inFlight('http://busy')).toBe(0);
    expect(slots.plan(300, 256)).toMatchObject({ limit: 256, excludeOrigins: [] });
  });

  it('never claims more than the free global capacity', () => {
    expect(new OriginSlots(16).plan(2, 256)).toMatchObject({ limit: 2, excludeOrigins: [] });
  });
});

describe('claimMayHaveLeftSome', () => {
  const plan = new OriginSlots(4).plan(16, 256);
  const from = (origin: string, count: number) => Array.from({ length: count }, () => ({ origin }));

  it('is true when the claim took all it asked for, or all the room of one origin', () => {
    expect(claimMayHaveLeftSome(plan, from('http://a', 16))).toBe(true);
    expect(claimMayHaveLeftSome(plan, [...from('http://a', 4), ...from('http://b', 1)])).toBe(true);
    const busy = new OriginSlots(4);
    busy.acquire('http://a');
    expect(claimMayHaveLeftSome(busy.plan(16, 256), from('http://a', 3))).toBe(true);
  });

  it('is false when every origin came back short of its room', () => {
    expect(claimMayHaveLeftSome(plan, [])).toBe(false);
    expect(claimMayHaveLeftSome(plan, [...from('http://a', 3), ...from('http://b', 2)])).toBe(
      false,
    );
  });
});

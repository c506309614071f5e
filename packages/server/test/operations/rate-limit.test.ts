import { afterEach, describe, expect, it } from 'vitest';
import { TokenBuckets } from '../../src/http/rate-limit/token-buckets.js';
import { runServer } from './support/running.js';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

describe('TokenBuckets', () => {
  it('allows a burst, then refills at the rate, per key', () => {
    const buckets = new TokenBuckets({ perSecond: 2, burst: 2 });
    expect(buckets.take('a', 0)).toEqual({ ok: true });
    expect(buckets.take('a', 0)).toEqual({ ok: true });
    expect(buckets.take('a', 0)).toEqual({ ok: false, retryAfterMs: 500 });
    expect(buckets.take('b', 0)).toEqual({ ok: true });
    expect(buckets.take('a', 499)).toMatchObject({ ok: false });
    expect(buckets.take('a', 500)).toEqual({ ok: true });
  });
});

describe('--rate-limit', () => {
  it('answers 429 with Retry-After in the Telnyx envelope, per account', async () => {
    // One request a minute: the second request of a test run can never find a refilled token.
    const server = await runServer({
      SWITCHBOARD_RATE_LIMIT: '1/m',
      SWITCHBOARD_ADMIN_TOKEN: 'adm',
    });
    closers.push(() => server.close());
    const made = await server.call('/switchboard/accounts', {
      key: 'adm',
      body: { name: 'other' },
    });
    const other = ((await made.json()) as { data: { api_key: string } }).data.api_key;

    expect((await server.call('/switchboard/public_key')).status).toBe(200);
    const limited = await server.call('/switchboard/public_key');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(59);
    expect(await limited.json()).toMatchObject({
      errors: [{ code: '10011', title: 'Too many requests' }],
    });
    // Another tenant still has its own budget.
    expect((await server.call('/switchboard/public_key', { key: other })).status).toBe(200);
    // Unauthenticated paths are not charged: health stays up.
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
  });

  it('is off by default', async () => {
    const server = await runServer();
    closers.push(() => server.close());
    const statuses = await Promise.all(
      Array.from({ length: 30 }, async () => (await server.call('/switchboard/public_key')).status),
    );
    expect(new Set(statuses)).toEqual(new Set([200]));
  });
});

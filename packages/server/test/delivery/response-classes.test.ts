import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { publish, settled, T0 } from './support/delivery-fixture.js';
import { useDeliveryHarness } from './support/delivery-harness.js';

const h = useDeliveryHarness();

async function onlyAttempt(id: string) {
  const attempts = await h.fixture.store.listAttempts(id);
  expect(attempts).toHaveLength(1);
  return attempts[0]!;
}

describe('one try per response class, against a real receiver', () => {
  it('200: delivered, with the signed v2 envelope and a full attempt record', async () => {
    h.receiver.on('/ok', { status: 200, headers: { 'x-reply': 'yes' }, body: 'All good.' });
    const id = await publish(h.fixture, h.receiver.url('/ok'));
    h.worker.wake();
    const delivery = await settled(h.fixture, id, 1);
    expect(delivery).toMatchObject({ state: 'delivered', attempts: 1, rounds: 1, finishedAt: T0 });
    const [request] = h.receiver.to('/ok');
    expect(request!.headers['user-agent']).toBe('telnyx-webhooks');
    expect(request!.headers['content-type']).toBe('application/json');
    expect(request!.envelope).toMatchObject({
      meta: { attempt: 1, delivered_to: h.receiver.url('/ok') },
    });
    const attempt = await onlyAttempt(id);
    expect(attempt).toMatchObject({
      attempt: 1,
      url: h.receiver.url('/ok'),
      status: 'delivered',
      errors: [],
      error: null,
      startedAt: T0,
    });
    expect(attempt.request.method).toBe('POST');
    expect(attempt.request.body).toBe(request!.body);
    expect(attempt.request.headers).toContainEqual(['telnyx-timestamp', String(T0 / 1000)]);
    expect(attempt.response).toMatchObject({ status: 200, body: 'All good.' });
    expect(attempt.response!.headers).toContainEqual(['x-reply', 'yes']);
  });

  it('301 → 200: follows the redirect with the same signed request, in one try', async () => {
    h.receiver
      .on('/old', { status: 301, headers: { location: '/new' } })
      .on('/new', { status: 200 });
    const id = await publish(h.fixture, h.receiver.url('/old'));
    h.worker.wake();
    expect(await settled(h.fixture, id, 1)).toMatchObject({ state: 'delivered', attempts: 1 });
    const [first, second] = [h.receiver.to('/old')[0]!, h.receiver.to('/new')[0]!];
    expect(second.body).toBe(first.body);
    expect(second.headers['telnyx-signature-ed25519']).toBe(
      first.headers['telnyx-signature-ed25519'],
    );
    const attempt = await onlyAttempt(id);
    expect(attempt.meta['redirects']).toEqual([{ status: 301, location: h.receiver.url('/new') }]);
  });

  it('a loop of 4 redirects fails the try as final (75004), after 4 requests', async () => {
    h.receiver.on('/loop', (_request, count) => ({
      status: 302,
      headers: { location: `/loop?n=${count + 1}` },
    }));
    const id = await publish(h.fixture, h.receiver.url('/loop'));
    h.worker.wake();
    expect(await settled(h.fixture, id, 1)).toMatchObject({
      state: 'failed',
      attempts: 1,
      nextAttemptAt: null,
    });
    expect(h.receiver.to('/loop')).toHaveLength(4);
    const attempt = await onlyAttempt(id);
    expect(attempt).toMatchObject({ status: 'failed', errors: [75004] });
    expect(attempt.meta['redirects']).toHaveLength(3);
  });

  it('404: final, no further round', async () => {
    h.receiver.on('/missing', { status: 404, body: 'Oops. Not found.' });
    const id = await publish(h.fixture, h.receiver.url('/missing'));
    h.worker.wake();
    expect(await settled(h.fixture, id, 1)).toMatchObject({
      state: 'failed',
      finishedAt: T0,
      nextAttemptAt: null,
    });
    expect(await onlyAttempt(id)).toMatchObject({
      errors: [75499],
      response: { status: 404, body: 'Oops. Not found.' },
    });
  });

  it.each([408, 500])('%i: retryable, next round one minute later', async (status) => {
    h.receiver.on('/busy', { status });
    const id = await publish(h.fixture, h.receiver.url('/busy'));
    h.worker.wake();
    expect(await settled(h.fixture, id, 1)).toMatchObject({
      state: 'queued',
      nextAttemptAt: T0 + 60_000,
      rounds: 1,
    });
    expect(await onlyAttempt(id)).toMatchObject({ errors: [75499], response: { status } });
  });

  it('429 with Retry-After: the next round waits for it, then delivers', async () => {
    h.receiver.on('/limited', (_request, count) =>
      count === 0 ? { status: 429, headers: { 'retry-after': '120' } } : { status: 200 },
    );
    const id = await publish(h.fixture, h.receiver.url('/limited'));
    h.worker.wake();
    expect(await settled(h.fixture, id, 1)).toMatchObject({
      state: 'queued',
      nextAttemptAt: T0 + 120_000,
    });
    h.fixture.clock.advance(119_999);
    h.worker.wake();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(h.receiver.to('/limited')).toHaveLength(1);
    h.fixture.clock.advance(1);
    h.worker.wake();
    expect(await settled(h.fixture, id, 2)).toMatchObject({
      state: 'delivered',
      attempts: 2,
      rounds: 2,
    });
    expect(h.receiver.to('/limited')[1]!.envelope).toMatchObject({ meta: { attempt: 2 } });
    const [latest] = await h.fixture.store.listAttempts(id);
    expect(latest).toMatchObject({ attempt: 2, status: 'delivered', startedAt: T0 + 120_000 });
  });

  it('a hang past the target timeout: retryable timeout (75003)', async () => {
    h.receiver.on('/hang', 'hang');
    const id = await publish(h.fixture, h.receiver.url('/hang'), { timeoutMs: 300 });
    h.worker.wake();
    expect(await settled(h.fixture, id, 1)).toMatchObject({
      state: 'queued',
      nextAttemptAt: T0 + 60_000,
    });
    const attempt = await onlyAttempt(id);
    expect(attempt).toMatchObject({
      status: 'failed',
      errors: [75003],
      response: null,
      error: 'no complete reply within 300 ms',
    });
  });

  it('a refused connection: retryable connection failure (75002)', async () => {
    const closed = createServer();
    closed.listen(0, '127.0.0.1');
    await once(closed, 'listening');
    const port = (closed.address() as AddressInfo).port;
    closed.close();
    await once(closed, 'close');
    const id = await publish(h.fixture, `http://127.0.0.1:${port}/hook`);
    h.worker.wake();
    expect(await settled(h.fixture, id, 1)).toMatchObject({
      state: 'queued',
      nextAttemptAt: T0 + 60_000,
    });
    const attempt = await onlyAttempt(id);
    expect(attempt).toMatchObject({ errors: [75002], response: null });
    expect(attempt.error).toContain('ECONNREFUSED');
  });
});

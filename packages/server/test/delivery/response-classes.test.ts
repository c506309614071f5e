import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeliveryWorker } from '../../src/delivery/delivery-worker.js';
import {
  openFixture,
  publish,
  settled,
  startWorker,
  T0,
  type Fixture,
} from './support/delivery-fixture.js';
import { TestReceiver } from './support/test-receiver.js';

let fixture: Fixture;
let receiver: TestReceiver;
let worker: DeliveryWorker;

beforeEach(async () => {
  fixture = await openFixture();
  receiver = await TestReceiver.start(fixture.keys.publicKey, fixture.clock.now);
  worker = startWorker(fixture);
});

afterEach(async () => {
  await worker.stop({ graceMs: 0 });
  await receiver.close();
  await fixture.store.close();
  expect(receiver.rejected).toEqual([]);
});

async function onlyAttempt(id: string) {
  const attempts = await fixture.store.listAttempts(id);
  expect(attempts).toHaveLength(1);
  return attempts[0]!;
}

describe('one try per response class, against a real receiver', () => {
  it('200: delivered, with the signed v2 envelope and a full attempt record', async () => {
    receiver.on('/ok', { status: 200, headers: { 'x-reply': 'yes' }, body: 'All good.' });
    const id = await publish(fixture, receiver.url('/ok'));
    worker.wake();
    const delivery = await settled(fixture, id, 1);
    expect(delivery).toMatchObject({ state: 'delivered', attempts: 1, rounds: 1, finishedAt: T0 });
    const [request] = receiver.to('/ok');
    expect(request!.headers['user-agent']).toBe('telnyx-webhooks');
    expect(request!.headers['content-type']).toBe('application/json');
    expect(request!.envelope).toMatchObject({
      meta: { attempt: 1, delivered_to: receiver.url('/ok') },
    });
    const attempt = await onlyAttempt(id);
    expect(attempt).toMatchObject({
      attempt: 1,
      url: receiver.url('/ok'),
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
    receiver.on('/old', { status: 301, headers: { location: '/new' } }).on('/new', { status: 200 });
    const id = await publish(fixture, receiver.url('/old'));
    worker.wake();
    expect(await settled(fixture, id, 1)).toMatchObject({ state: 'delivered', attempts: 1 });
    const [first, second] = [receiver.to('/old')[0]!, receiver.to('/new')[0]!];
    expect(second.body).toBe(first.body);
    expect(second.headers['telnyx-signature-ed25519']).toBe(
      first.headers['telnyx-signature-ed25519'],
    );
    const attempt = await onlyAttempt(id);
    expect(attempt.meta['redirects']).toEqual([{ status: 301, location: receiver.url('/new') }]);
  });

  it('a loop of 4 redirects fails the try as final (75004), after 4 requests', async () => {
    receiver.on('/loop', (_request, count) => ({
      status: 302,
      headers: { location: `/loop?n=${count + 1}` },
    }));
    const id = await publish(fixture, receiver.url('/loop'));
    worker.wake();
    expect(await settled(fixture, id, 1)).toMatchObject({
      state: 'failed',
      attempts: 1,
      nextAttemptAt: null,
    });
    expect(receiver.to('/loop')).toHaveLength(4);
    const attempt = await onlyAttempt(id);
    expect(attempt).toMatchObject({ status: 'failed', errors: [75004] });
    expect(attempt.meta['redirects']).toHaveLength(3);
  });

  it('404: final, no further round', async () => {
    receiver.on('/missing', { status: 404, body: 'Oops. Not found.' });
    const id = await publish(fixture, receiver.url('/missing'));
    worker.wake();
    expect(await settled(fixture, id, 1)).toMatchObject({
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
    receiver.on('/busy', { status });
    const id = await publish(fixture, receiver.url('/busy'));
    worker.wake();
    expect(await settled(fixture, id, 1)).toMatchObject({
      state: 'queued',
      nextAttemptAt: T0 + 60_000,
      rounds: 1,
    });
    expect(await onlyAttempt(id)).toMatchObject({ errors: [75499], response: { status } });
  });

  it('429 with Retry-After: the next round waits for it, then delivers', async () => {
    receiver.on('/limited', (_request, count) =>
      count === 0 ? { status: 429, headers: { 'retry-after': '120' } } : { status: 200 },
    );
    const id = await publish(fixture, receiver.url('/limited'));
    worker.wake();
    expect(await settled(fixture, id, 1)).toMatchObject({
      state: 'queued',
      nextAttemptAt: T0 + 120_000,
    });
    fixture.clock.advance(119_999);
    worker.wake();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(receiver.to('/limited')).toHaveLength(1);
    fixture.clock.advance(1);
    worker.wake();
    expect(await settled(fixture, id, 2)).toMatchObject({
      state: 'delivered',
      attempts: 2,
      rounds: 2,
    });
    expect(receiver.to('/limited')[1]!.envelope).toMatchObject({ meta: { attempt: 2 } });
    const [latest] = await fixture.store.listAttempts(id);
    expect(latest).toMatchObject({ attempt: 2, status: 'delivered', startedAt: T0 + 120_000 });
  });

  it('a hang past the target timeout: retryable timeout (75003)', async () => {
    receiver.on('/hang', 'hang');
    const id = await publish(fixture, receiver.url('/hang'), { timeoutMs: 300 });
    worker.wake();
    expect(await settled(fixture, id, 1)).toMatchObject({
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
    const id = await publish(fixture, `http://127.0.0.1:${port}/hook`);
    worker.wake();
    expect(await settled(fixture, id, 1)).toMatchObject({
      state: 'queued',
      nextAttemptAt: T0 + 60_000,
    });
    const attempt = await onlyAttempt(id);
    expect(attempt).toMatchObject({ errors: [75002], response: null });
    expect(attempt.error).toContain('ECONNREFUSED');
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import {
  createPublisher,
  PublishFailedError,
  PublishRejectedError,
  PublisherClosedError,
  PublisherOptionsError,
  type PublisherOptions,
} from '../src/index.js';
import { fakeSwitchboard, reply } from './fake-switchboard.js';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

async function setup(
  script: Parameters<typeof fakeSwitchboard>[0] = [],
  options: Partial<PublisherOptions> = {},
) {
  const server = await fakeSwitchboard(script);
  closers.push(server.close);
  const publisher = createPublisher({
    baseUrl: server.baseUrl,
    apiKey: 'KEYsb_test',
    retry: { baseDelayMs: 0 },
    ...options,
  });
  return { server, publisher };
}

const event = (n: number, extra: Record<string, unknown> = {}) => ({
  event_type: 'call.initiated',
  payload: { n },
  webhook_url: 'http://127.0.0.1:9/hook',
  ...extra,
});

describe('createPublisher: batching', () => {
  it('sends events published together as one batch, in order, and answers each caller', async () => {
    const { server, publisher } = await setup([], { lingerMs: 50 });
    const results = await Promise.all(
      [1, 2, 3, 4, 5].map((n) => publisher.publish(event(n, { id: `e${n}` }))),
    );

    expect(server.batches).toHaveLength(1);
    const [batch] = server.batches;
    expect(batch?.url).toBe('/switchboard/events/batch');
    expect(batch?.headers.authorization).toBe('Bearer KEYsb_test');
    expect(batch?.events.map((sent) => sent['payload'])).toEqual(
      [1, 2, 3, 4, 5].map((n) => ({ n })),
    );
    expect(results).toEqual(
      [1, 2, 3, 4, 5].map((n) => ({
        id: `e${n}`,
        duplicate: false,
        webhook_delivery_id: `d-e${n}`,
      })),
    );
  });

  it('cuts batches at maxBatchSize', async () => {
    // A long linger, so only the size cuts batches however slowly the loop below runs.
    const options = { maxBatchSize: 100, maxInFlight: 1, lingerMs: 60_000 };
    const { server, publisher } = await setup([], options);
    const all = Promise.all(Array.from({ length: 250 }, (_, n) => publisher.publish(event(n))));
    await publisher.flush();
    await all;
    expect(server.batches.map((batch) => batch.events.length)).toEqual([100, 100, 50]);
    const order = server.batches.flatMap((batch) => batch.events.map((sent) => sent['payload']));
    expect(order).toEqual(Array.from({ length: 250 }, (_, n) => ({ n })));
  });

  it('cuts batches at maxBatchBytes, and sends an event too large for any batch alone', async () => {
    const { server, publisher } = await setup([], { maxBatchBytes: 2_000, maxInFlight: 1 });
    const big = 'x'.repeat(700);
    await Promise.all([
      publisher.publish(event(1, { payload: { big } })),
      publisher.publish(event(2, { payload: { big } })),
      publisher.publish(event(3, { payload: { big } })),
      publisher.publish(event(4, { payload: { huge: 'y'.repeat(3_000) } })),
    ]);
    expect(server.batches.map((batch) => batch.events.length)).toEqual([2, 1, 1]);
    expect(server.batches.every((batch, index) => index === 2 || batch.raw.length <= 2_000)).toBe(
      true,
    );
  });

  it('holds a lone event for the linger, and flush sends it at once', async () => {
    const { server, publisher } = await setup([], { lingerMs: 60_000 });
    const pending = [publisher.publish(event(1)), publisher.publish(event(2))];
    await new Promise((resolve) => setImmediate(resolve));
    expect(server.batches).toHaveLength(0);
    await publisher.flush();
    expect(server.batches.map((batch) => batch.events.length)).toEqual([2]);
    await expect(Promise.all(pending)).resolves.toHaveLength(2);
  });

  it('passes duplicates through as Switchboard reports them', async () => {
    const { publisher } = await setup();
    await publisher.publish(event(1, { id: 'same' }));
    expect(await publisher.publish(event(1, { id: 'same' }))).toEqual({
      id: 'same',
      duplicate: true,
    });
  });
});

describe('createPublisher: retries', () => {
  it('retries 503, 429 and a dropped connection with the same body, so with the same ids', async () => {
    const { server, publisher } = await setup([
      reply(503, { errors: [] }),
      reply(429, { errors: [] }, { 'retry-after': '0' }),
      (_batch, response) => {
        response.socket?.destroy();
        return true;
      },
    ]);
    const results = await Promise.all([
      publisher.publish(event(1)),
      publisher.publish(event(2, { id: 'mine' })),
    ]);

    expect(server.batches).toHaveLength(4);
    const bodies = new Set(server.batches.map((batch) => batch.raw));
    expect(bodies.size).toBe(1);
    const ids = server.batches[0]?.events.map((sent) => sent['id']);
    expect(ids?.[0]).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(ids?.[1]).toBe('mine');
    expect(results.map((result) => result.id)).toEqual(ids);
  });

  it('gives up after the configured tries with a typed error', async () => {
    const { server, publisher } = await setup(
      [1, 2, 3].map(() => reply(500, { errors: [] })),
      { retry: { attempts: 3, baseDelayMs: 0 } },
    );
    const failure = await publisher.publish(event(1)).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(PublishFailedError);
    expect(failure).toMatchObject({ code: 'SB_PUBLISH_FAILED', attempts: 3, status: 500 });
    expect(server.batches).toHaveLength(3);
  });

  it('retries a server that is not there, then reports no reply', async () => {
    const publisher = createPublisher({
      baseUrl: 'http://127.0.0.1:9',
      apiKey: 'k',
      retry: { attempts: 2, baseDelayMs: 0 },
    });
    await expect(publisher.publish(event(1))).rejects.toMatchObject({
      code: 'SB_PUBLISH_FAILED',
      attempts: 2,
      status: null,
    });
  });
});

describe('createPublisher: a refused batch', () => {
  it('does not retry a 422 and rejects every caller of the batch, each with its own errors', async () => {
    const invalid = {
      code: '10004',
      title: 'Missing required parameter',
      detail: "The 'event_type' parameter is required and cannot be blank.",
      source: { pointer: '/data/1/event_type' },
    };
    const { server, publisher } = await setup([reply(422, { errors: [invalid] })], {
      lingerMs: 50,
    });
    const [fine, bad] = await Promise.all([
      publisher.publish(event(1)).catch((error: unknown) => error),
      publisher.publish({ ...event(2), event_type: '' }).catch((error: unknown) => error),
    ]);

    expect(server.batches).toHaveLength(1);
    expect(bad).toBeInstanceOf(PublishRejectedError);
    expect(bad).toMatchObject({
      code: 'SB_PUBLISH_REJECTED',
      status: 422,
      errors: [{ ...invalid, source: { pointer: '/event_type' } }],
      batchErrors: [invalid],
    });
    expect(fine).toBeInstanceOf(PublishRejectedError);
    expect(fine).toMatchObject({ status: 422, errors: [], batchErrors: [invalid] });
  });

  it('does not retry a bad key', async () => {
    const { server, publisher } = await setup([reply(401, { errors: [{ code: '10009' }] })]);
    await expect(publisher.publish(event(1))).rejects.toMatchObject({ status: 401 });
    expect(server.batches).toHaveLength(1);
  });
});

describe('createPublisher: lifecycle and options', () => {
  it('flushes on close and refuses publishes after it', async () => {
    const { server, publisher } = await setup([], { lingerMs: 60_000 });
    const pending = publisher.publish(event(1));
    await publisher.close();
    await expect(pending).resolves.toMatchObject({ duplicate: false });
    expect(server.batches).toHaveLength(1);
    await expect(publisher.publish(event(2))).rejects.toBeInstanceOf(PublisherClosedError);
  });

  it.each([
    [{ maxBatchSize: 1_001 }, /maxBatchSize must be a whole number from 1 to 1000/],
    [{ lingerMs: -1 }, /lingerMs/],
    [{ baseUrl: 'ftp://host' }, /baseUrl must be an http\(s\) URL/],
    [{ apiKey: '' }, /apiKey is required/],
  ])('refuses %o', (options, message) => {
    const make = () =>
      createPublisher({ baseUrl: 'http://127.0.0.1:7700', apiKey: 'k', ...options });
    expect(make).toThrow(PublisherOptionsError);
    expect(make).toThrow(message);
  });
});

import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, type CreatedAccount } from '../../src/engine/accounts/create-account.js';
import { createApp } from '../../src/http/api/create-app.js';
import { openPostgresStore } from '../../src/storage/postgres/postgres-store.js';
import { openSqliteThreadStore } from '../../src/storage/sqlite/sqlite-thread-store.js';
import type { Store } from '../../src/storage/store.js';

const DATABASE_URL =
  process.env['SWITCHBOARD_TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

interface Backend {
  readonly store: Store;
  drop(): Promise<void>;
}

/** What `switchboard serve` opens by default: SQLite on its own thread, in a file. */
async function sqliteBackend(): Promise<Backend> {
  const dir = await mkdtemp(join(tmpdir(), 'switchboard-batch-'));
  const store = await openSqliteThreadStore({ filename: join(dir, 'switchboard.db') });
  return { store, drop: () => rm(dir, { recursive: true, force: true }) };
}

async function postgresBackend(): Promise<Backend> {
  const schema = `sb_test_${randomBytes(6).toString('hex')}`;
  const store = await openPostgresStore({ connectionString: DATABASE_URL, schema });
  return {
    store,
    drop: async () => {
      const client = new pg.Client({ connectionString: DATABASE_URL });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.end();
    },
  };
}

async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: DATABASE_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    return true;
  } catch {
    // CI must run these: there a missing database is a failure, not a skip.
    if ((process.env['CI'] ?? '') !== '')
      throw new Error(`PostgreSQL unreachable at ${DATABASE_URL}`);
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

const backends = [
  { name: 'SQLite', open: sqliteBackend, run: true },
  { name: 'PostgreSQL', open: postgresBackend, run: await postgresReachable() },
];

interface Published {
  id: string;
  duplicate: boolean;
  webhook_delivery_id?: string;
}

interface ErrorItem {
  code: string;
  detail: string;
  source?: { pointer?: string };
}

function event(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    event_type: 'call.initiated',
    payload: { to: '+15550100' },
    webhook_url: 'http://127.0.0.1:9/hook',
    ...overrides,
  };
}

describe.each(backends)('POST /switchboard/events/batch on $name', ({ open, run }) => {
  let backend: Backend;
  let app: FastifyInstance;
  let alice: CreatedAccount;
  let wakes = 0;

  beforeAll(async () => {
    if (!run) return;
    backend = await open();
    alice = await createAccount(backend.store, { name: 'alice', now: Date.now() });
    app = createApp({ store: backend.store, worker: { wake: () => void (wakes += 1) } });
    await app.ready();
  });
  afterAll(async () => {
    if (!run) return;
    await app.close();
    await backend.store.close();
    await backend.drop();
  });

  async function batch(body: unknown, key = alice.apiKey): Promise<LightMyRequestResponse> {
    return app.inject({
      method: 'POST',
      url: '/switchboard/events/batch',
      headers: { authorization: `Bearer ${key}` },
      payload: body as Record<string, unknown>,
    });
  }

  const published = (response: LightMyRequestResponse): Published[] =>
    response.json<{ data: Published[] }>().data;
  const errors = (response: LightMyRequestResponse): ErrorItem[] =>
    response.json<{ errors: ErrorItem[] }>().errors;
  const queued = (): Promise<number> => backend.store.countQueued();

  it.runIf(run)('stores every event with its delivery and answers in the order given', async () => {
    const ids = [randomUUID(), randomUUID(), randomUUID()];
    const before = { wakes, queued: await queued() };
    const response = await batch({
      data: [
        event({ id: ids[0], event_type: 'call.initiated' }),
        event({ id: ids[1], event_type: 'call.answered' }),
        event({ id: ids[2], event_type: 'call.hangup', webhook_url: 'http://127.0.0.1:8/x' }),
      ],
    });

    expect(response.statusCode).toBe(202);
    const data = published(response);
    expect(data.map((item) => [item.id, item.duplicate])).toEqual(ids.map((id) => [id, false]));
    const deliveries = await Promise.all(
      data.map((item) =>
        backend.store.getDelivery(alice.account.id, item.webhook_delivery_id ?? ''),
      ),
    );
    expect(deliveries.map((delivery) => delivery?.eventType)).toEqual([
      'call.initiated',
      'call.answered',
      'call.hangup',
    ]);
    expect(deliveries[2]?.target.url).toBe('http://127.0.0.1:8/x');
    expect(await queued()).toBe(before.queued + 3);
    expect(wakes).toBe(before.wakes + 1);
  });

  it.runIf(run)('gives each event a new id when it brings none', async () => {
    const data = published(await batch({ data: [event(), event(), event()] }));
    expect(data.every((item) => /^[0-9a-f-]{36}$/.test(item.id))).toBe(true);
    expect(new Set(data.map((item) => item.id)).size).toBe(3);
  });

  it.runIf(run)("routes events through an application's URLs by connection_id", async () => {
    const created = await app.inject({
      method: 'POST',
      url: '/v2/call_control_applications',
      headers: { authorization: `Bearer ${alice.apiKey}` },
      payload: { application_name: 'router', webhook_event_url: 'https://primary.example.com/h' },
    });
    const connectionId = created.json<{ data: { id: string } }>().data.id;
    const data = published(
      await batch({
        data: [1, 2, 3].map(() => event({ webhook_url: undefined, connection_id: connectionId })),
      }),
    );
    const delivery = await backend.store.getDelivery(
      alice.account.id,
      data[2]?.webhook_delivery_id ?? '',
    );
    expect(delivery?.target.url).toBe('https://primary.example.com/h');
  });

  it.runIf(run)('makes one delivery for an id repeated within the batch', async () => {
    const id = randomUUID();
    const before = await queued();
    const data = published(await batch({ data: [event({ id }), event(), event({ id })] }));
    expect(data.map((item) => item.duplicate)).toEqual([false, false, true]);
    expect(data[2]).toEqual({ id, duplicate: true });
    expect(await queued()).toBe(before + 2);
  });

  it.runIf(run)(
    'makes no second delivery for an id published before, singly or in a batch',
    async () => {
      const [single, batched] = [randomUUID(), randomUUID()];
      await app.inject({
        method: 'POST',
        url: '/switchboard/events',
        headers: { authorization: `Bearer ${alice.apiKey}` },
        payload: event({ id: single }),
      });
      await batch({ data: [event({ id: batched })] });
      const before = await queued();
      const data = published(
        await batch({ data: [event({ id: single }), event({ id: batched })] }),
      );
      expect(data).toEqual([
        { id: single, duplicate: true },
        { id: batched, duplicate: true },
      ]);
      expect(await queued()).toBe(before);
    },
  );

  it.runIf(run)('rejects the whole batch for one invalid event, pointing at it', async () => {
    const before = await queued();
    const ids = Array.from({ length: 9 }, () => randomUUID());
    const data = ids.map((id) => event({ id }));
    data[7] = { ...data[7], event_type: undefined };
    const response = await batch({ data });

    expect(response.statusCode).toBe(422);
    expect(errors(response)).toEqual([
      expect.objectContaining({ code: '10004', source: { pointer: '/data/7/event_type' } }),
    ]);
    expect(await queued()).toBe(before);
    expect(await backend.store.getEvent(alice.account.id, ids[0] ?? '')).toBeNull();
  });

  it.runIf(run)('reports every bad event at once', async () => {
    const response = await batch({
      data: [event(), event({ webhook_url: 'ftp://x' }), 'not an event', event({ payload: 1 })],
    });
    expect(response.statusCode).toBe(422);
    expect(errors(response).map((item) => item.source?.pointer)).toEqual([
      '/data/1/webhook_url',
      '/data/2',
      '/data/3/payload',
    ]);
  });

  it.runIf(run)('rejects the whole batch for a target it cannot resolve', async () => {
    const before = await queued();
    const response = await batch({
      data: [event(), event(), event({ webhook_url: undefined, connection_id: '404' })],
    });
    expect(response.statusCode).toBe(422);
    expect(errors(response)).toEqual([
      expect.objectContaining({ code: '10015', source: { pointer: '/data/2/connection_id' } }),
    ]);
    const untargeted = await batch({ data: [event({ webhook_url: undefined })] });
    expect(errors(untargeted)).toEqual([
      expect.objectContaining({ code: '10004', source: { pointer: '/data/0/webhook_url' } }),
    ]);
    expect(await queued()).toBe(before);
  });

  it.runIf(run)('takes up to 1,000 events; more, or none, is 422 on /data', async () => {
    const full = await batch({ data: Array.from({ length: 1_000 }, () => event()) });
    expect(full.statusCode).toBe(202);
    expect(published(full)).toHaveLength(1_000);

    const before = await queued();
    const over = await batch({ data: Array.from({ length: 1_001 }, () => event()) });
    expect(over.statusCode).toBe(422);
    expect(errors(over)).toEqual([
      expect.objectContaining({
        code: '10033',
        detail: 'A batch holds 1 to 1000 events; this one has 1001.',
        source: { pointer: '/data' },
      }),
    ]);
    expect(errors(await batch({ data: [] }))[0]?.code).toBe('10033');
    expect(await queued()).toBe(before);
  });

  it.runIf(run)('asks for data as an array of events', async () => {
    expect(errors(await batch({}))).toEqual([
      expect.objectContaining({ code: '10004', source: { pointer: '/data' } }),
    ]);
    expect(errors(await batch({ data: event() }))).toEqual([
      expect.objectContaining({ code: '10015', source: { pointer: '/data' } }),
    ]);
    expect(errors(await batch([event()]))).toEqual([
      expect.objectContaining({ code: '10015', source: { pointer: '/' } }),
    ]);
  });

  it.runIf(run)('needs an API key', async () => {
    const response = await batch({ data: [event()] }, 'KEYsb_wrong');
    expect(response.statusCode).toBe(401);
    expect(errors(response)[0]?.code).toBe('10009');
  });
});

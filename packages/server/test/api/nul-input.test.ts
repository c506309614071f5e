import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, type CreatedAccount } from '../../src/engine/accounts/create-account.js';
import { createApp } from '../../src/http/api/create-app.js';
import { emulatorRoutes } from '../../src/emulator/emulator-routes.js';
import { createInboxModule } from '../../src/inbox/inbox-module.js';
import { openPostgresStore } from '../../src/storage/postgres/postgres-store.js';
import { openSqliteStore } from '../../src/storage/sqlite/sqlite-store.js';
import type { Store } from '../../src/storage/store.js';
import { postgresAdmin, TEST_DATABASE_URL } from '../server/support/postgres-admin.js';

const SCHEMA = `sb_nul_${randomBytes(6).toString('hex')}`;
const admin = (sql: string) => postgresAdmin(sql, 'the PostgreSQL half of the NUL tests');

const postgres = await admin('SELECT 1');

const STORES: readonly (readonly [string, boolean, () => Promise<Store>])[] = [
  ['SQLite', true, () => openSqliteStore({ filename: ':memory:' })],
  [
    'PostgreSQL',
    postgres,
    () => openPostgresStore({ connectionString: TEST_DATABASE_URL, schema: SCHEMA }),
  ],
];

afterAll(async () => {
  if (postgres) await admin(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
});

// PostgreSQL text cannot hold U+0000: every way one could reach a query must be a 4xx.
describe.each(STORES)('a NUL in a request on %s', (_name, available, open) => {
  let store: Store;
  let app: FastifyInstance;
  let account: CreatedAccount;
  beforeAll(async () => {
    if (!available) return;
    store = await open();
    account = await createAccount(store, { name: 'nul', now: Date.now() });
    const inbox = createInboxModule({ store, baseUrl: () => 'http://127.0.0.1:1' });
    app = createApp(
      { store, worker: { wake: () => undefined } },
      [emulatorRoutes({ baseUrl: () => 'http://127.0.0.1:1' }), inbox.routes],
      [inbox.publicRoutes],
    );
    await app.ready();
  });
  afterAll(async () => {
    if (!available) return;
    await app.close();
    await store.close();
  });

  const send = (method: 'GET' | 'POST', url: string, payload?: string) =>
    app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${account.apiKey}`, 'content-type': 'application/json' },
      ...(payload === undefined ? {} : { payload }),
    });

  it
    .skipIf(!available)
    .each([
      '/v2/webhook_deliveries?filter[event_type]=a%00b',
      '/v2/webhook_deliveries?filter[webhook][contains]=%00',
      '/v2/webhook_deliveries?filter[attempts][contains]=%00',
      '/switchboard/inboxes/stream?inbox=%00',
      '/v2/messages/a%00b',
      '/switchboard/inbox/%00',
    ])('GET %s is a 400 in the envelope', async (url) => {
    const response = await send('GET', url);
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json()).toMatchObject({ errors: [{ code: '10015' }] });
  });

  it.skipIf(!available).each([
    [
      '/switchboard/events',
      '{"event_type":"a\\u0000b","webhook_url":"https://example.com"}',
      '/event_type',
    ],
    [
      '/switchboard/events',
      '{"event_type":"x","id":"\\u0000","webhook_url":"https://example.com"}',
      '/id',
    ],
    [
      '/switchboard/events',
      '{"event_type":"x","webhook_url":"https://example.com/\\u0000"}',
      '/webhook_url',
    ],
    ['/switchboard/events', '{"event_type":"x","connection_id":"1\\u0000"}', '/connection_id'],
    [
      '/v2/calls',
      '{"connection_id":"1\\u0000","from":"+13125550100","to":"+13125550101"}',
      '/connection_id',
    ],
    [
      '/switchboard/phone_numbers',
      '{"phone_number":"+13125550100","messaging_profile_id":"\\u0000"}',
      '/messaging_profile_id',
    ],
    [
      '/switchboard/events',
      '{"event_type":"x","webhook_url":"https://example.com","payload":{"k\\u0000":1}}',
      '/payload/k\u0000',
    ],
  ])('POST %s with %s is a 422 pointing at it', async (url, body, pointer) => {
    const response = await send('POST', url, body);
    expect(response.statusCode, response.body).toBe(422);
    expect(response.json()).toMatchObject({ errors: [{ code: '10015', source: { pointer } }] });
  });
});

import { verifyWebhook } from '@switchboard/core';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/start-server.js';
import { ownDatabaseUrl, postgresAdmin } from './support/postgres-admin.js';
import { startReceiver } from './support/receiver.js';
import { testConfig } from './support/test-config.js';

// A database of our own: workers of other suites on the shared one would claim our deliveries.
const OWN_DATABASE = `sb_server_${process.pid}_${Date.now()}`;
const OWN_URL = ownDatabaseUrl(OWN_DATABASE);
const admin = (sql: string) => postgresAdmin(sql, 'PostgreSQL server test');

const available = await admin(`CREATE DATABASE ${OWN_DATABASE}`);
const closers: { close(): Promise<void> }[] = [];
afterAll(async () => {
  await Promise.all(closers.map((c) => c.close()));
  if (available) await admin(`DROP DATABASE IF EXISTS ${OWN_DATABASE}`);
});

describe.skipIf(!available)('startServer on PostgreSQL', () => {
  it('serves a fresh account end to end ', async () => {
    const receiver = await startReceiver();
    closers.push(receiver);
    const config = await testConfig({
      SWITCHBOARD_DATABASE_URL: OWN_URL,
      SWITCHBOARD_ADMIN_TOKEN: 'pg-admin',
    });
    const server: RunningServer = await startServer(config);
    closers.push(server);
    expect(server.dialect).toBe('postgres');

    const call = async <T>(
      key: string,
      method: string,
      path: string,
      body?: unknown,
    ): Promise<T> => {
      const response = await fetch(`${server.url}${path}`, {
        method,
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return (await response.json()) as T;
    };
    const { data: account } = await call<{ data: { api_key: string; public_key: string } }>(
      'pg-admin',
      'POST',
      '/switchboard/accounts',
      { name: 'pg-e2e' },
    );
    const { data: published } = await call<{ data: { id: string; webhook_delivery_id: string } }>(
      account.api_key,
      'POST',
      '/switchboard/events',
      { event_type: 'call.answered', payload: {}, webhook_url: receiver.url },
    );
    const received = await receiver.next();
    await expect(
      verifyWebhook({
        body: received.body,
        headers: received.headers,
        publicKey: account.public_key,
      }),
    ).resolves.toMatchObject({ data: { id: published.id } });

    for (;;) {
      const { data } = await call<{ data: { status: string } }>(
        account.api_key,
        'GET',
        `/v2/webhook_deliveries/${published.webhook_delivery_id}`,
      );
      if (data.status === 'delivered') break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  });
});

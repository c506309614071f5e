import pg from 'pg';
import { verifyWebhook } from '@switchboard/core';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/start-server.js';
import { startReceiver } from './support/receiver.js';
import { testConfig } from './support/test-config.js';

const DATABASE_URL =
  process.env['SWITCHBOARD_TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

// A database of our own: workers of other suites on the shared one would claim our deliveries.
const OWN_DATABASE = `sb_server_${process.pid}_${Date.now()}`;
const OWN_URL = Object.assign(new URL(DATABASE_URL), { pathname: `/${OWN_DATABASE}` }).href;

/** Runs one statement on the shared database; false (with a warning) when it is unreachable. */
async function admin(sql: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: DATABASE_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query(sql);
    return true;
  } catch (error) {
    if (process.env['CI'] !== undefined) throw error;
    console.warn(`skipping PostgreSQL server test: ${String(error)}`);
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

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

import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { openPostgresStore } from '../../src/storage/postgres/postgres-store.js';
import { publishOne } from './store-fixtures.js';

const url =
  process.env['SWITCHBOARD_TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

async function reachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch (error) {
    if ((process.env['CI'] ?? '') !== '') throw error;
    console.warn(`skipping PostgreSQL notify tests: ${url} unreachable`);
    return false;
  }
}

describe.runIf(await reachable())('PostgreSQL publish notifications', () => {
  it("wakes a listener in another store (process) on each new event, not on its own schema's neighbours", async () => {
    const schema = `notify_${randomBytes(5).toString('hex')}`;
    const publisher = await openPostgresStore({ connectionString: url, schema });
    const listener = await openPostgresStore({ connectionString: url, schema });
    const neighbour = await openPostgresStore({ connectionString: url, schema: `${schema}_n` });
    let woken = 0;
    let neighbourWoken = 0;
    const stop = await listener.listenForDue(() => (woken += 1));
    const stopNeighbour = await neighbour.listenForDue(() => (neighbourWoken += 1));
    try {
      await publishOne(publisher, 'acct');
      while (woken === 0) await new Promise((resolve) => setTimeout(resolve, 10));
      expect(woken).toBe(1);
      expect(neighbourWoken).toBe(0);
    } finally {
      await stop();
      await stopNeighbour();
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(
        `DROP SCHEMA IF EXISTS ${schema} CASCADE; DROP SCHEMA IF EXISTS ${schema}_n CASCADE`,
      );
      await admin.end();
      await Promise.all([publisher.close(), listener.close(), neighbour.close()]);
    }
  });
});

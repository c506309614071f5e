import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/storage/open-store.js';
import { POSTGRES_MIGRATIONS } from '../../src/storage/postgres/postgres-migrations.js';
import { migratePostgres } from '../../src/storage/postgres/postgres-migrator.js';
import { createPostgresPool } from '../../src/storage/postgres/postgres-pool.js';
import { openPostgresStore } from '../../src/storage/postgres/postgres-store.js';
import { expectUpgraded } from './expect-upgraded.js';
import { PG_TEST_URL, postgresReachable } from './postgres-test-db.js';
import { describeStoreContract } from './store-contract.js';
import {
  BEFORE_UNIQUE_NUMBERS,
  expectFirstHolderKept,
  SHARED_NUMBER_SEED_SQL,
} from './shared-number-seed.js';
import { VERSION_1_SEED_SQL } from './version-1-seed.js';

const url = PG_TEST_URL;
const inCi = (process.env['CI'] ?? '') !== '';

/** The URL without its password, for messages. */
function shown(connectionString: string): string {
  const parsed = new URL(connectionString);
  if (parsed.password !== '') parsed.password = '***';
  return parsed.toString();
}

/** Runs SQL on a short-lived connection outside any store. */
async function admin(sql: string): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Every test gets its own schema, so parallel runs and files never see each other's rows. */
function randomSchema(): string {
  return `sb_test_${randomBytes(6).toString('hex')}`;
}

const dropSchema = (schema: string) => admin(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);

const available = await postgresReachable();

if (available) {
  describeStoreContract('PostgresStore', async () => {
    const schema = randomSchema();
    const store = await openPostgresStore({ connectionString: url, schema });
    return {
      store,
      openPeer: () => openPostgresStore({ connectionString: url, schema }),
      destroy: async () => {
        await store.close();
        await dropSchema(schema);
      },
    };
  });

  describe('PostgreSQL setup', () => {
    it('records each migration once when stores start together', async () => {
      const schema = randomSchema();
      try {
        const stores = await Promise.all(
          [1, 2, 3].map(() => openPostgresStore({ connectionString: url, schema })),
        );
        await Promise.all(stores.map((store) => store.close()));
        const { rows } = await admin(
          `SELECT version FROM ${schema}.schema_migrations ORDER BY version`,
        );
        expect(rows).toEqual(POSTGRES_MIGRATIONS.map(({ version }) => ({ version })));
      } finally {
        await dropSchema(schema);
      }
    });

    it.each([
      ['a version-1 schema, keeping its rows', 1, VERSION_1_SEED_SQL, expectUpgraded],
      [
        'a schema where two accounts share a number, keeping the first',
        BEFORE_UNIQUE_NUMBERS,
        SHARED_NUMBER_SEED_SQL,
        expectFirstHolderKept,
      ],
    ] as const)('upgrades %s', async (_name, version, seedSql, expectAfter) => {
      const schema = randomSchema();
      try {
        const pool = createPostgresPool({ connectionString: url, schema });
        try {
          await migratePostgres(pool, schema, POSTGRES_MIGRATIONS.slice(0, version));
          for (const statement of seedSql) await pool.query(statement);
        } finally {
          await pool.end();
        }
        const store = await openPostgresStore({ connectionString: url, schema });
        try {
          await expectAfter(store);
        } finally {
          await store.close();
        }
      } finally {
        await dropSchema(schema);
      }
    });

    it('opens PostgreSQL for a postgres:// URL', async () => {
      const schema = randomSchema();
      await admin(`CREATE SCHEMA ${schema}`);
      const withSchema = new URL(url);
      withSchema.searchParams.set('options', `-c search_path=${schema}`);
      try {
        const store = await openStore({
          databaseUrl: withSchema.toString(),
          dataDir: '/nonexistent',
        });
        expect(store.dialect).toBe('postgres');
        expect(await store.countQueued()).toBe(0);
        await store.close();
        const { rows } = await admin(`SELECT count(*)::int AS n FROM ${schema}.schema_migrations`);
        expect(rows).toEqual([{ n: POSTGRES_MIGRATIONS.length }]);
      } finally {
        await dropSchema(schema);
      }
    });

    it('rejects a schema name that would need quoting', async () => {
      await expect(
        openPostgresStore({ connectionString: url, schema: 'Bad"Name' }),
      ).rejects.toThrow(/Invalid PostgreSQL schema name/);
    });
  });
} else if (inCi) {
  describe('PostgresStore', () => {
    it('reaches PostgreSQL (required when CI is set)', () => {
      expect.fail(`PostgreSQL is not reachable at ${shown(url)}; CI must run these tests.`);
    });
  });
} else {
  console.warn(
    `Skipping PostgresStore tests: PostgreSQL is not reachable at ${shown(url)}. ` +
      'Set SWITCHBOARD_TEST_DATABASE_URL to run them.',
  );
  describe.skip('PostgresStore (PostgreSQL not reachable)', () => {
    it('runs the store contract', () => undefined);
  });
}

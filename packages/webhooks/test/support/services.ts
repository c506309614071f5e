import { Redis } from 'ioredis';
import pg from 'pg';

const REDIS_URL = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const DATABASE_URL = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A connected Redis client, or undefined (with a warning) when Redis is unreachable outside CI. */
export async function connectRedis(): Promise<Redis | undefined> {
  const client = new Redis(REDIS_URL, {
    lazyConnect: true,
    maxRetriesPerRequest: 1,
    retryStrategy: () => null,
  });
  try {
    await client.connect();
    return client;
  } catch (error) {
    client.disconnect();
    unavailable('Redis', REDIS_URL, error);
    return undefined;
  }
}

/** A PostgreSQL pool, or undefined (with a warning) when PostgreSQL is unreachable outside CI. */
export async function connectPostgres(): Promise<pg.Pool | undefined> {
  const pool = new pg.Pool({ connectionString: DATABASE_URL, max: 4 });
  try {
    await pool.query('SELECT 1');
    return pool;
  } catch (error) {
    await pool.end();
    unavailable('PostgreSQL', DATABASE_URL, error);
    return undefined;
  }
}

// In CI a missing service is a broken environment, never a reason to skip.
function unavailable(name: string, url: string, error: unknown): void {
  if (process.env['CI'] !== undefined) {
    throw new Error(`${name} is required in CI but unreachable at ${url}`, { cause: error });
  }
  console.warn(`[skip] ${name} unreachable at ${url}; its tests are skipped.`);
  return undefined;
}

/** A name unique to this run, so parallel runs and leftovers never collide. */
export function uniqueName(prefix: string): string {
  return `${prefix}_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
}

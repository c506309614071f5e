import pg from 'pg';

/** The shared test database; tests make their own database or schema inside it. */
export const TEST_DATABASE_URL =
  process.env['SWITCHBOARD_TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

/**
 * Runs one statement on the shared database. False, with a warning naming what is skipped, when
 * PostgreSQL is unreachable; in CI that is an error instead.
 */
export async function postgresAdmin(sql: string, skipping: string): Promise<boolean> {
  const client = new pg.Client({
    connectionString: TEST_DATABASE_URL,
    connectionTimeoutMillis: 2000,
  });
  try {
    await client.connect();
    await client.query(sql);
    return true;
  } catch (error) {
    if (process.env['CI'] !== undefined) throw error;
    console.warn(`skipping ${skipping}: ${String(error)}`);
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** A URL of a database of its own for one test file, in the shared server. */
export function ownDatabaseUrl(name: string): string {
  return Object.assign(new URL(TEST_DATABASE_URL), { pathname: `/${name}` }).href;
}

import type { IdempotencyStore, ReserveOutcome } from './idempotency-store.js';

/** The one `pg` method the store uses; a `pg.Pool` (or `Client`) satisfies it. */
export interface PgQueryable {
  query(text: string, values?: unknown[]): Promise<{ rows: unknown[]; rowCount: number | null }>;
}

export interface PostgresIdempotencyStoreOptions {
  /** Table name, optionally schema-qualified. Created if missing. Default `switchboard_webhook_idempotency`. */
  readonly table?: string;
}

/** A PostgreSQL store; `deleteExpired` is for a periodic job, since expired rows are only overwritten lazily. */
export interface PostgresIdempotencyStore extends IdempotencyStore {
  /** Deletes expired records and resolves to how many were removed. */
  deleteExpired(): Promise<number>;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

/**
 * A PostgreSQL-backed store shared by every process using the same table. Leases expire on the
 * database clock, so app servers with skewed clocks agree on who holds a lease.
 */
export function postgresIdempotencyStore(
  pool: PgQueryable,
  options: PostgresIdempotencyStoreOptions = {},
): PostgresIdempotencyStore {
  const table = quoteTable(options.table ?? 'switchboard_webhook_idempotency');
  const sql = statements(table);
  const tokens = new Map<string, string>();
  let ready: Promise<void> | undefined;
  const query = async (text: string, values: unknown[] = []) => {
    ready ??= createTable(pool, sql.create).catch((error: unknown) => {
      ready = undefined;
      throw error;
    });
    await ready;
    return pool.query(text, values);
  };
  const settle = async (id: string, text: string, extra: unknown[]): Promise<boolean> => {
    const token = tokens.get(id);
    if (token === undefined) return false;
    tokens.delete(id);
    return (await query(text, [id, token, ...extra])).rowCount === 1;
  };

  return {
    reserve: async (id, leaseMs) => {
      const token = crypto.randomUUID();
      const { rows } = await query(sql.reserve, [id, token, Math.ceil(leaseMs)]);
      const outcome = ((rows[0] as { outcome?: ReserveOutcome } | undefined)?.outcome ??
        'in_progress') satisfies ReserveOutcome;
      if (outcome === 'reserved') tokens.set(id, token);
      return outcome;
    },
    complete: (id, ttlMs) => settle(id, sql.complete, [Math.ceil(ttlMs)]),
    release: (id) => settle(id, sql.release, []),
    deleteExpired: async () => (await query(sql.deleteExpired)).rowCount ?? 0,
  };
}

function quoteTable(name: string): string {
  const parts = name.split('.');
  if (parts.length > 2 || !parts.every((part) => IDENTIFIER.test(part))) {
    throw new TypeError(`Invalid table name for the idempotency store: ${name}`);
  }
  return parts.map((part) => `"${part}"`).join('.');
}

function statements(table: string) {
  const lease = `clock_timestamp() + $3::bigint * interval '1 millisecond'`;
  return {
    create: `CREATE TABLE IF NOT EXISTS ${table} (
      id text PRIMARY KEY,
      token text NOT NULL,
      state text NOT NULL CHECK (state IN ('in_progress', 'done')),
      expires_at timestamptz NOT NULL)`,
    // Taking over an expired row (lease or done TTL) is the same upsert as a fresh insert. When
    // the conflicting row is live, the second branch reports its state; if a concurrent insert
    // is not yet visible to that branch, no row comes back and the caller reads in_progress.
    reserve: `WITH taken AS (
        INSERT INTO ${table} AS t (id, token, state, expires_at)
        VALUES ($1, $2, 'in_progress', ${lease})
        ON CONFLICT (id) DO UPDATE
          SET token = EXCLUDED.token, state = 'in_progress', expires_at = EXCLUDED.expires_at
          WHERE t.expires_at <= clock_timestamp()
        RETURNING 'reserved'::text AS outcome)
      SELECT outcome FROM taken
      UNION ALL
      SELECT state AS outcome FROM ${table} WHERE id = $1 AND NOT EXISTS (SELECT 1 FROM taken)`,
    complete: `UPDATE ${table} SET state = 'done', expires_at = ${lease}
      WHERE id = $1 AND token = $2 AND state = 'in_progress'`,
    release: `DELETE FROM ${table} WHERE id = $1 AND token = $2 AND state = 'in_progress'`,
    deleteExpired: `DELETE FROM ${table} WHERE expires_at <= clock_timestamp()`,
  };
}

async function createTable(pool: PgQueryable, create: string): Promise<void> {
  try {
    await pool.query(create);
  } catch (error) {
    // Two processes racing on CREATE TABLE IF NOT EXISTS can both pass the existence check;
    // the loser's unique violation on the catalog means the table now exists.
    if ((error as { code?: unknown }).code !== '23505') throw error;
  }
}

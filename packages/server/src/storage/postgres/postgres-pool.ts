import pg from 'pg';

/** How to reach the PostgreSQL database behind a {@link PostgresStore}. */
export interface PostgresStoreOptions {
  /** `postgres://` or `postgresql://` URL. */
  readonly connectionString: string;
  /**
   * Schema holding every table, created on `migrate` if missing; lets several stores (tests,
   * tenants) share one database. Lowercase letters, digits and `_`. Default: the server's
   * `search_path` (usually `public`).
   */
  readonly schema?: string | undefined;
  /** Pool size. Default 10. */
  readonly maxConnections?: number | undefined;
  /**
   * Errors of idle pooled connections (server restart, network loss). The pool has already
   * dropped the connection and opens a new one on demand. Default: ignored.
   */
  readonly onIdleError?: ((error: Error) => void) | undefined;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;
const DEFAULT_MAX_CONNECTIONS = 10;

/**
 * A pool whose rows need no per-dialect mapping: `bigint` arrives as a number (epoch ms and
 * counts stay far below 2^53) and `jsonb` as raw text, like SQLite's, for the shared mappers.
 */
export function createPostgresPool(options: PostgresStoreOptions): pg.Pool {
  const schema = checkedSchema(options.schema);
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.maxConnections ?? DEFAULT_MAX_CONNECTIONS,
    types: storeTypes(),
    // Set at connection start-up, so no extra round trip and no window without it.
    options: startupOptions(schema),
  });
  pool.on('error', options.onIdleError ?? ignore);
  return pool;
}

/**
 * JIT is off: the store's statements run in milliseconds, and JIT compiling the few the planner
 * costs high (the overview's aggregates) added 15–100 ms to each.
 */
function startupOptions(schema: string | undefined): string {
  return schema === undefined ? '-c jit=off' : `-c jit=off -c search_path=${schema}`;
}

/** The schema name, validated because it is spliced into SQL and start-up options. */
export function checkedSchema(schema: string | undefined): string | undefined {
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) {
    throw new Error(`Invalid PostgreSQL schema name ${JSON.stringify(schema)}`);
  }
  return schema;
}

function storeTypes(): pg.CustomTypesConfig {
  const types = new pg.TypeOverrides();
  types.setTypeParser(pg.types.builtins.INT8, Number);
  types.setTypeParser(pg.types.builtins.JSONB, (text: string) => text);
  return types;
}

function ignore(): void {
  // The pool already discarded the broken connection.
}

/**
 * `npm run bench:engine`: end-to-end delivery throughput (publish → signed POST → 2xx recorded)
 * on SQLite and PostgreSQL, next to the bare ceiling (sign + POST with undici's `request`, no
 * storage) and the same ceiling posting through the engine's own sender, in one run.
 * BENCH_N (default 20000), BENCH_CONCURRENCY (64), BENCH_ORIGINS (4),
 * BENCH_DATABASE_URL (postgres://postgres@127.0.0.1:5432/test; PostgreSQL is skipped if unreachable),
 * BENCH_RUNS (comma list of ceiling, sqlite, postgres; default all; the ceiling always runs).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openPostgresStore } from '../packages/server/dist/storage/postgres/postgres-store.js';
import { openSqliteThreadStore } from '../packages/server/dist/storage/sqlite/sqlite-thread-store.js';
import { ceilingRun, storeRun, type RunOptions, type RunResult } from './engine-runs.js';

const count = Number(process.env['BENCH_N'] ?? '20000');
const concurrency = Number(process.env['BENCH_CONCURRENCY'] ?? '64');
const origins = process.env['BENCH_ORIGINS'] ?? '4';
const databaseUrl = process.env['BENCH_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
const runs = new Set((process.env['BENCH_RUNS'] ?? 'ceiling,sqlite,postgres').split(','));

async function startReceiver(): Promise<{ child: ChildProcess; ports: number[] }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, 'engine-receiver.ts')],
    {
      env: { ...process.env, BENCH_ORIGINS: origins },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const [line] = (await once(child.stdout, 'data')) as [Buffer];
  return { child, ports: JSON.parse(line.toString()) as number[] };
}

async function sqliteRun(options: RunOptions): Promise<RunResult> {
  const dir = await mkdtemp(join(tmpdir(), 'switchboard-bench-'));
  // What `switchboard serve` runs: the database on a thread of its own.
  const store = await openSqliteThreadStore({ filename: join(dir, 'switchboard.db') });
  try {
    return await storeRun('SQLite (WAL, file, own thread)', store, options);
  } finally {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  }
}

async function postgresRun(options: RunOptions): Promise<RunResult | string> {
  const admin = new pg.Client({ connectionString: databaseUrl });
  try {
    await admin.connect();
  } catch (error) {
    return `PostgreSQL skipped: ${String(error)}`;
  }
  const schema = `bench_${randomBytes(6).toString('hex')}`;
  const store = await openPostgresStore({
    connectionString: databaseUrl,
    schema,
    maxConnections: 16,
  });
  try {
    return await storeRun('PostgreSQL (schema per run)', store, options);
  } finally {
    await store.close();
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.end();
  }
}

function row(result: RunResult, ceiling: RunResult): string {
  const ms = (value: number | null): string => (value === null ? '–' : value.toFixed(1));
  const share =
    result === ceiling ? '100%' : `${Math.round((100 * result.perSecond) / ceiling.perSecond)}%`;
  return `| ${result.name} | ${result.deliveries} | ${Math.round(result.perSecond)} | ${share} | ${ms(result.p50Ms)} | ${ms(result.p99Ms)} | ${result.peakRssMb} | ${Math.round(result.cpuUsPerDelivery)} |`;
}

const { child, ports } = await startReceiver();
try {
  const options: RunOptions = {
    count,
    concurrency,
    urls: ports.map((port) => `http://127.0.0.1:${port}/webhooks`),
  };
  const ceiling = await ceilingRun(options, 'request');
  const senderCeiling = await ceilingRun(options, 'engine');
  const sqlite = runs.has('sqlite') ? await sqliteRun(options) : 'SQLite skipped (BENCH_RUNS)';
  const postgres = runs.has('postgres')
    ? await postgresRun(options)
    : 'PostgreSQL skipped (BENCH_RUNS)';
  console.log(
    `Node ${process.version}, ${count} events, concurrency ${concurrency}, ${ports.length} origins\n`,
  );
  console.log(
    '| run | delivered | deliveries/s | of ceiling | p50 ms | p99 ms | peak RSS MB | CPU µs/delivery |',
  );
  console.log('|---|---|---|---|---|---|---|---|');
  console.log(row(ceiling, ceiling));
  console.log(row(senderCeiling, ceiling));
  for (const result of [sqlite, postgres])
    console.log(typeof result === 'string' ? result : row(result, ceiling));
} finally {
  child.kill();
}

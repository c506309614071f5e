/**
 * `npm run bench:deliveries-api`: the Deliveries API over one million stored deliveries, on
 * SQLite and PostgreSQL. Seeds with `deliveries-api-seed.ts`, then times each request shape
 * through `app.inject` (the full Fastify stack: auth, validation, query, view) and reports
 * p50/p99 per shape. BENCH_N (1000000), BENCH_REPEAT (30 timed requests per shape),
 * BENCH_RUNS (sqlite,postgres), BENCH_DATABASE_URL.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { createAccount } from '../packages/server/src/accounts/create-account.js';
import { createApp } from '../packages/server/src/api/create-app.js';
import { openPostgresStore } from '../packages/server/src/storage/postgres/postgres-store.js';
import { openSqliteStore } from '../packages/server/src/storage/sqlite/sqlite-store.js';
import type { Store } from '../packages/server/src/storage/store.js';
import { seedPostgres, seedSqlite, type SeedPlan } from './deliveries-api-seed.js';

const count = Number(process.env['BENCH_N'] ?? '1000000');
const repeat = Number(process.env['BENCH_REPEAT'] ?? '30');
const databaseUrl = process.env['BENCH_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
const runs = new Set((process.env['BENCH_RUNS'] ?? 'sqlite,postgres').split(','));

/** The request shapes: every filter of the list, a detail, and the overview figures. */
function shapes(now: number): [string, string][] {
  const hourAgo = new Date(now - 3_600_000).toISOString();
  const twoHoursAgo = new Date(now - 7_200_000).toISOString();
  const list = '/v2/webhook_deliveries?';
  return [
    ['list, no filter', `${list}page[size]=20`],
    ['list, page 50', `${list}page[size]=20&page[number]=50`],
    ['filter[status][eq]=delivered', `${list}filter[status][eq]=delivered`],
    ['filter[status][eq]=failed', `${list}filter[status][eq]=failed`],
    ['filter[event_type]=call.hangup', `${list}filter[event_type]=call.hangup`],
    [
      'filter[started_at] 1 h window',
      `${list}filter[started_at][gte]=${twoHoursAgo}&filter[started_at][lte]=${hourAgo}`,
    ],
    ['filter[finished_at][gte] last hour', `${list}filter[finished_at][gte]=${hourAgo}`],
    ['filter[webhook][contains] (common)', `${list}filter[webhook][contains]=call.hangup`],
    ['filter[webhook][contains] (rare)', `${list}filter[webhook][contains]=v3:cc-777777"`],
    ['filter[attempts][contains] (rare)', `${list}filter[attempts][contains]=ref-777777"`],
    [
      'detail',
      `/v2/webhook_deliveries/00000000-0000-4000-8000-${String(Math.floor(count / 2) + 1).padStart(12, '0')}`,
    ],
    ['overview (GET /switchboard/stats)', '/switchboard/stats'],
  ];
}

interface Timing {
  readonly shape: string;
  readonly status: number;
  readonly p50: number;
  readonly p99: number;
}

async function timeShapes(store: Store, apiKey: string, now: number): Promise<Timing[]> {
  const app = createApp({ store, worker: { wake: () => undefined }, now: () => now });
  await app.ready();
  const timings: Timing[] = [];
  for (const [shape, url] of shapes(now)) {
    const headers = { authorization: `Bearer ${apiKey}` };
    let status = 0;
    const samples: number[] = [];
    for (let i = 0; i < repeat + 2; i += 1) {
      const started = performance.now();
      const reply = await app.inject({ method: 'GET', url, headers });
      if (i >= 2) samples.push(performance.now() - started);
      status = reply.statusCode;
    }
    samples.sort((a, b) => a - b);
    const p50 = samples[Math.floor(samples.length * 0.5)] ?? 0;
    const p99 = samples[Math.min(samples.length - 1, Math.ceil(samples.length * 0.99) - 1)] ?? 0;
    timings.push({ shape, status, p50, p99 });
    console.log(
      `  ${shape.padEnd(38)} ${status} p50 ${p50.toFixed(1)} ms p99 ${p99.toFixed(1)} ms`,
    );
  }
  await app.close();
  return timings;
}

async function seeded(store: Store, seed: (plan: SeedPlan) => Promise<void>) {
  const now = Date.now();
  const made = await createAccount(store, { name: 'bench', now });
  const started = performance.now();
  await seed({ accountId: made.account.id, count, now });
  const seconds = (performance.now() - started) / 1000;
  console.log(`  seeded ${count} deliveries in ${seconds.toFixed(1)} s`);
  return { apiKey: made.apiKey, now };
}

async function sqliteRun(): Promise<Timing[]> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-deliveries-api-'));
  const filename = join(dir, 'bench.db');
  const store = await openSqliteStore({ filename });
  try {
    const db = new Database(filename);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = OFF');
    db.pragma('cache_size = -262144');
    const { apiKey, now } = await seeded(store, (plan) => {
      seedSqlite(db, plan);
      return Promise.resolve();
    });
    db.close();
    return await timeShapes(store, apiKey, now);
  } finally {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  }
}

async function postgresRun(): Promise<Timing[] | null> {
  const admin = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  try {
    await admin.query('SELECT 1');
  } catch {
    console.warn('PostgreSQL unreachable: skipped');
    await admin.end();
    return null;
  }
  const schema = `bench_${randomBytes(6).toString('hex')}`;
  await admin.query(`CREATE SCHEMA ${schema}`);
  const store = await openPostgresStore({ connectionString: databaseUrl, schema });
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: 1,
    options: `-c search_path=${schema}`,
  });
  try {
    const { apiKey, now } = await seeded(store, (plan) => seedPostgres(pool, plan));
    return await timeShapes(store, apiKey, now);
  } finally {
    await pool.end();
    await store.close();
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.end();
  }
}

function table(name: string, timings: readonly Timing[]): string {
  const rows = timings.map(
    (t) =>
      `| ${t.shape} | ${t.status} | ${t.p50.toFixed(1)} | ${t.p99.toFixed(1)} | ${t.p99 < 200 ? 'yes' : 'no'} |`,
  );
  return [
    `${name}, N = ${count}:`,
    '',
    '| request | status | p50 ms | p99 ms | p99 < 200 ms |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}

const tables: string[] = [];
if (runs.has('sqlite')) {
  console.log('SQLite');
  tables.push(table('SQLite (WAL file)', await sqliteRun()));
}
if (runs.has('postgres')) {
  console.log('PostgreSQL');
  const timings = await postgresRun();
  if (timings !== null) tables.push(table('PostgreSQL (schema per run)', timings));
}
console.log(`\n${tables.join('\n\n')}`);

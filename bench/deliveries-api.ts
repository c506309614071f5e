/**
 * `npm run bench:deliveries-api`: the Deliveries API over one million stored deliveries, on
 * SQLite and PostgreSQL. Seeds with `deliveries-api-seed.ts`, then times each request shape
 * through `app.inject` (the full Fastify stack: auth, validation, query, view) and reports
 * p50/p99 per shape. BENCH_N (1000000), BENCH_REPEAT (30 timed requests per shape),
 * BENCH_RUNS (sqlite,postgres), BENCH_DATABASE_URL.
 */
import { createApp } from '../packages/server/src/http/api/create-app.js';
import type { Store } from '../packages/server/src/storage/store.js';
import { withSeededPostgres, withSeededSqlite } from './deliveries-api-stores.js';

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

async function sqliteRun(): Promise<Timing[]> {
  return withSeededSqlite(count, ({ store, apiKey, now }) => timeShapes(store, apiKey, now));
}

async function postgresRun(): Promise<Timing[] | null> {
  return withSeededPostgres(databaseUrl, count, ({ store, apiKey, now }) =>
    timeShapes(store, apiKey, now),
  );
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

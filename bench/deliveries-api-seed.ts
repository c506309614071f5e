/**
 * Seeds a store with N events, N deliveries and N attempts for `bench/deliveries-api.ts`, with
 * the rows generated inside the database (a recursive CTE on SQLite, generate_series on
 * PostgreSQL): the fastest bulk path there is, and no driver round trip per row.
 *
 * Shape: 4 event types in turn; 90% delivered, 8% failed, 2% still queued; creation times
 * spread evenly over the 24 h before `now`; one attempt per finished delivery.
 */
import type Database from 'better-sqlite3';
import type pg from 'pg';

export interface SeedPlan {
  readonly accountId: string;
  readonly count: number;
  /** Epoch ms; the newest row is created just before it. */
  readonly now: number;
}

const DAY_MS = 86_400_000;
const CHUNK = 100_000;

/** SQL expressions over the row number `i`, shared by both dialects. */
function columns(plan: SeedPlan, cat: (...parts: string[]) => string, pad12: string) {
  const step = Math.max(1, Math.floor(DAY_MS / plan.count));
  const created = `(${plan.now - DAY_MS} + i * ${step})`;
  return {
    created,
    eventType: `CASE i % 4 WHEN 0 THEN 'call.initiated' WHEN 1 THEN 'call.answered' WHEN 2 THEN 'call.hangup' ELSE 'message.sent' END`,
    state: `CASE WHEN i % 50 = 7 THEN 'queued' WHEN i % 25 = 3 THEN 'failed' ELSE 'delivered' END`,
    eventId: cat(`'ev-'`, 'i'),
    // UUID-shaped, as the API accepts only UUID ids.
    deliveryId: cat(`'00000000-0000-4000-8000-'`, pad12),
    started: `${created} + 5`,
    finished: `${created} + 120`,
  };
}

export function seedSqlite(db: Database.Database, plan: SeedPlan): void {
  const c = columns(plan, (...parts) => parts.join(' || '), `printf('%012d', i)`);
  const webhook = `json_object('record_type', 'event', 'event_type', ${c.eventType}, 'id', ${c.eventId}, 'occurred_at', '2026-01-01T00:00:00.000Z', 'payload', json_object('call_control_id', 'v3:cc-' || i, 'to', '+1312555' || printf('%04d', i % 10000), 'from', '+13125550100'))`;
  const insert = db.transaction((from: number, to: number) => {
    const rows = `WITH RECURSIVE n(i) AS (SELECT ${from} UNION ALL SELECT i + 1 FROM n WHERE i < ${to - 1})`;
    db.exec(`${rows} INSERT INTO events (account_id, id, event_type, webhook, created_at)
      SELECT '${plan.accountId}', ${c.eventId}, ${c.eventType}, ${webhook}, ${c.created} FROM n`);
    db.exec(`${rows} INSERT INTO deliveries (id, account_id, event_id, event_type, url, failover_url,
        method, api_version, timeout_ms, retry_schedule, body_format, origin, state, attempts, rounds,
        next_attempt_at, started_at, finished_at, created_at, options)
      SELECT ${c.deliveryId}, '${plan.accountId}', ${c.eventId}, ${c.eventType},
        'https://hooks.example.com/' || (i % 7), NULL, 'POST', '2', 10000, NULL, 'telnyx',
        'https://hooks.example.com', ${c.state}, CASE WHEN ${c.state} = 'queued' THEN 0 ELSE 1 END,
        CASE WHEN ${c.state} = 'queued' THEN 0 ELSE 1 END,
        CASE WHEN ${c.state} = 'queued' THEN ${plan.now + DAY_MS} ELSE NULL END,
        CASE WHEN ${c.state} = 'queued' THEN NULL ELSE ${c.started} END,
        CASE WHEN ${c.state} = 'queued' THEN NULL ELSE ${c.finished} END, ${c.created}, '{}' FROM n`);
    db.exec(`${rows} INSERT INTO attempts (id, delivery_id, attempt, url, status, started_at,
        finished_at, errors, request, response, error, latency_ms, meta)
      SELECT 'at-' || i, ${c.deliveryId}, 1, 'https://hooks.example.com/' || (i % 7),
        CASE WHEN ${c.state} = 'delivered' THEN 'delivered' ELSE 'failed' END, ${c.started}, ${c.finished},
        CASE WHEN ${c.state} = 'delivered' THEN '[]' ELSE '[75499]' END,
        '{"url":"https://hooks.example.com/","method":"POST","headers":[],"body":null}',
        '{"status":' || CASE WHEN ${c.state} = 'delivered' THEN 200 ELSE 500 END || ',"headers":[],"body":"ref-' || i || '"}',
        NULL, 40 + i % 200, '{}'
      FROM n WHERE ${c.state} <> 'queued'`);
  });
  for (let from = 0; from < plan.count; from += CHUNK) {
    insert(from, Math.min(plan.count, from + CHUNK));
  }
  db.exec('ANALYZE');
}

export async function seedPostgres(pool: pg.Pool, plan: SeedPlan): Promise<void> {
  const c = columns(plan, (...parts) => `(${parts.join(' || ')})`, `lpad(i::text, 12, '0')`);
  const webhook = `jsonb_build_object('record_type', 'event', 'event_type', ${c.eventType}, 'id', ${c.eventId}, 'occurred_at', '2026-01-01T00:00:00.000Z', 'payload', jsonb_build_object('call_control_id', 'v3:cc-' || i, 'to', '+1312555' || lpad((i % 10000)::text, 4, '0'), 'from', '+13125550100'))`;
  for (let from = 0; from < plan.count; from += CHUNK) {
    const rows = `FROM generate_series(${from}, ${Math.min(plan.count, from + CHUNK) - 1}) AS i`;
    await pool.query(`INSERT INTO events (account_id, id, event_type, webhook, created_at)
      SELECT '${plan.accountId}', ${c.eventId}, ${c.eventType}, ${webhook}, ${c.created} ${rows}`);
    await pool.query(`INSERT INTO deliveries (id, account_id, event_id, event_type, url, failover_url,
        method, api_version, timeout_ms, retry_schedule, body_format, origin, state, attempts, rounds,
        next_attempt_at, started_at, finished_at, created_at, options)
      SELECT ${c.deliveryId}, '${plan.accountId}', ${c.eventId}, ${c.eventType},
        'https://hooks.example.com/' || (i % 7), NULL, 'POST', '2', 10000, NULL, 'telnyx',
        'https://hooks.example.com', ${c.state}, CASE WHEN ${c.state} = 'queued' THEN 0 ELSE 1 END,
        CASE WHEN ${c.state} = 'queued' THEN 0 ELSE 1 END,
        CASE WHEN ${c.state} = 'queued' THEN ${plan.now + DAY_MS} ELSE NULL END,
        CASE WHEN ${c.state} = 'queued' THEN NULL ELSE ${c.started} END,
        CASE WHEN ${c.state} = 'queued' THEN NULL ELSE ${c.finished} END, ${c.created}, '{}' ${rows}`);
    await pool.query(`INSERT INTO attempts (id, delivery_id, attempt, url, status, started_at,
        finished_at, errors, request, response, error, latency_ms, meta)
      SELECT 'at-' || i, ${c.deliveryId}, 1, 'https://hooks.example.com/' || (i % 7),
        CASE WHEN ${c.state} = 'delivered' THEN 'delivered' ELSE 'failed' END, ${c.started}, ${c.finished},
        CASE WHEN ${c.state} = 'delivered' THEN '[]'::jsonb ELSE '[75499]'::jsonb END,
        '{"url":"https://hooks.example.com/","method":"POST","headers":[],"body":null}'::jsonb,
        jsonb_build_object('status', CASE WHEN ${c.state} = 'delivered' THEN 200 ELSE 500 END, 'headers', '[]'::jsonb, 'body', 'ref-' || i),
        NULL, 40 + i % 200, '{}'::jsonb
      ${rows} WHERE ${c.state} <> 'queued'`);
  }
  // What autovacuum would have done to a table that grew to this size: statistics, and a
  // visibility map so that index-only scans need no heap visits.
  for (const table of ['events', 'deliveries', 'attempts']) {
    await pool.query(`VACUUM ANALYZE ${table}`);
  }
}

/**
 * Rows written under schema version 1, in SQL both dialects accept, for upgrade tests: one
 * event, its delivery (finished, after one try) and that try.
 */
export const VERSION_1_SEED_SQL: readonly string[] = [
  `INSERT INTO events (account_id, id, event_type, webhook, created_at)
   VALUES ('acct', 'e1', 'call.initiated', '{"event_type":"call.initiated"}', 1)`,
  `INSERT INTO deliveries (id, account_id, event_id, url, failover_url, method, api_version,
     timeout_ms, retry_schedule, body_format, origin, state, attempts, rounds, next_attempt_at,
     started_at, finished_at, created_at, options)
   VALUES ('d1', 'acct', 'e1', 'https://h.example/x', NULL, 'POST', '2', 10000, NULL, 'telnyx',
     'https://h.example', 'delivered', 1, 1, NULL, 2, 3, 1, '{}')`,
  `INSERT INTO attempts (id, delivery_id, attempt, url, status, started_at, finished_at, errors,
     request, response, error, latency_ms, meta)
   VALUES ('a1', 'd1', 1, 'https://h.example/x', 'delivered', 2, 3, '[]',
     '{"url":"https://h.example/x","method":"POST","headers":[],"body":null}', NULL, NULL, 1,
     '{}')`,
];

export const UPGRADED_DELIVERY_ID = 'd1';

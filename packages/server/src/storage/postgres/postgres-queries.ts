/**
 * Every fixed statement of the PostgreSQL store. Each has a name, so pg prepares it once per
 * connection and later runs skip parsing and planning. Multi-row writes pass their rows as one
 * JSON array (`jsonb_to_recordset`), keeping one statement, and one round trip, per operation;
 * JSON columns inside those rows travel as text and are cast, the same text SQLite stores.
 */
export interface NamedSql {
  readonly name: string;
  readonly text: string;
}

const DELIVERY_COLUMNS = 'd.*, e.webhook';
const DELIVERY_JOIN = 'e.account_id = d.account_id AND e.id = d.event_id';

const SIGNING_KEY_INSERT = `INSERT INTO signing_keys
  (id, account_id, public_key, private_key, created_at, retires_at)`;

export const PG_ACCOUNT_SQL = {
  createAccount: {
    name: 'sb_create_account',
    text: `WITH account AS (
        INSERT INTO accounts (id, name, api_key_hash, settings, created_at)
        VALUES ($1, $2, $3, $4::jsonb, $5))
      ${SIGNING_KEY_INSERT} VALUES ($6, $1, $7, $8, $9, $10)`,
  },
  getAccount: { name: 'sb_get_account', text: 'SELECT * FROM accounts WHERE id = $1' },
  findAccountByKeyHash: {
    name: 'sb_find_account_by_key_hash',
    text: 'SELECT * FROM accounts WHERE api_key_hash = $1',
  },
  updateAccountSettings: {
    name: 'sb_update_account_settings',
    text: 'UPDATE accounts SET settings = $2::jsonb WHERE id = $1',
  },
  listAccounts: {
    name: 'sb_list_accounts',
    text: 'SELECT * FROM accounts ORDER BY created_at, id',
  },
  // Both parts see the same snapshot, so the UPDATE never retires the key being added.
  rotateSigningKey: {
    name: 'sb_rotate_signing_key',
    text: `WITH retired AS (
        UPDATE signing_keys SET retires_at = $7 WHERE account_id = $2 AND retires_at IS NULL)
      ${SIGNING_KEY_INSERT} VALUES ($1, $2, $3, $4, $5, $6)`,
  },
  listSigningKeys: {
    name: 'sb_list_signing_keys',
    text: `SELECT * FROM signing_keys
      WHERE account_id = $1 AND (retires_at IS NULL OR retires_at > $2)
      ORDER BY retires_at IS NOT NULL, created_at DESC, id DESC`,
  },
} as const satisfies Record<string, NamedSql>;

export const PG_RESOURCE_SQL = {
  putResource: {
    name: 'sb_put_resource',
    text: `INSERT INTO resources (account_id, kind, id, data, created_at, updated_at)
      VALUES ($1, $2, $3, $4::jsonb, $5, $6)
      ON CONFLICT (account_id, kind, id) DO UPDATE SET
        data = excluded.data, updated_at = excluded.updated_at`,
  },
  getResource: {
    name: 'sb_get_resource',
    text: 'SELECT * FROM resources WHERE account_id = $1 AND kind = $2 AND id = $3',
  },
  listResources: {
    name: 'sb_list_resources',
    text: 'SELECT * FROM resources WHERE account_id = $1 AND kind = $2 ORDER BY created_at, id',
  },
  deleteResource: {
    name: 'sb_delete_resource',
    text: 'DELETE FROM resources WHERE account_id = $1 AND kind = $2 AND id = $3',
  },
} as const satisfies Record<string, NamedSql>;

export const PG_DELIVERY_SQL = {
  // The deliveries are inserted only if the event was; `created` tells the caller which. A new
  // event also NOTIFYs the store's channel ($7), waking idle workers elsewhere.
  // The publishes of one event-loop turn (or one alone): the events that were new come back, and
  // only their deliveries are inserted. Callers send each (account, id) at most once per batch.
  publishMany: {
    name: 'sb_publish_many',
    text: `WITH event AS (
        INSERT INTO events (account_id, id, event_type, webhook, created_at)
        SELECT x.account_id, x.id, x.event_type, x.webhook, x.created_at
        FROM jsonb_to_recordset($1::jsonb) AS x (account_id text, id text, event_type text,
          webhook jsonb, created_at bigint)
        ON CONFLICT (account_id, id) DO NOTHING
        RETURNING account_id, id
      ), inserted AS (
        INSERT INTO deliveries (id, account_id, event_id, event_type, url, failover_url, method,
          api_version, timeout_ms, retry_schedule, body_format, origin, next_attempt_at,
          created_at, options, lease_owner, lease_expires_at, started_at)
        SELECT x.id, x.account_id, x.event_id, x.event_type, x.url, x.failover_url, x.method,
          x.api_version, x.timeout_ms, x.retry_schedule::jsonb, x.body_format, x.origin,
          x.next_attempt_at, x.created_at, x.options::jsonb, x.lease_owner, x.lease_expires_at,
          x.started_at
        FROM jsonb_to_recordset($2::jsonb) AS x (id text, account_id text, event_id text,
          event_type text, url text, failover_url text, method text, api_version text, timeout_ms integer,
          retry_schedule text, body_format text, origin text, next_attempt_at bigint,
          created_at bigint, options text, lease_owner text, lease_expires_at bigint,
          started_at bigint)
        WHERE EXISTS (SELECT 1 FROM event e WHERE e.account_id = x.account_id AND e.id = x.event_id))
      SELECT account_id, id FROM event`,
  },
  notifyDue: {
    name: 'sb_notify_due',
    text: `SELECT pg_notify($1, '')`,
  },
  getEvent: {
    name: 'sb_get_event',
    text: 'SELECT * FROM events WHERE account_id = $1 AND id = $2',
  },
  // SKIP LOCKED lets concurrent claimers take disjoint rows instead of queueing on each other.
  claimDue: {
    name: 'sb_claim_due',
    // Row-numbered per origin, oldest first, so a claim takes at most its room from each origin
    // ($7: JSON object of origin → room, $8: room of any other origin). Only the oldest $6 due
    // rows are locked and looked at.
    text: `WITH due AS (
        SELECT id, origin, next_attempt_at FROM deliveries
        WHERE state = 'queued' AND next_attempt_at <= $3
          AND (lease_expires_at IS NULL OR lease_expires_at <= $3)
          AND origin <> ALL ($4::text[])
        ORDER BY next_attempt_at
        LIMIT $6
        FOR UPDATE SKIP LOCKED),
      picked AS (
        SELECT id FROM (
          SELECT id, origin, next_attempt_at,
            row_number() OVER (PARTITION BY origin ORDER BY next_attempt_at, id) AS nth
          FROM due) AS ranked
        WHERE nth <= COALESCE(($7::jsonb ->> origin)::int, $8)
        ORDER BY next_attempt_at
        LIMIT $5)
      UPDATE deliveries AS d
      SET lease_owner = $1, lease_expires_at = $2, started_at = COALESCE(d.started_at, $3)
      FROM events AS e
      WHERE d.id IN (SELECT id FROM picked)
        AND ${DELIVERY_JOIN}
      RETURNING ${DELIVERY_COLUMNS}`,
  },
  // The attempts are inserted only if the lease check in the UPDATE passed.
  complete: {
    name: 'sb_complete',
    text: `WITH updated AS (
        UPDATE deliveries
        SET state = $3, attempts = attempts + $4, rounds = $5, next_attempt_at = $6,
          finished_at = $7, lease_owner = NULL, lease_expires_at = NULL
        WHERE id = $1 AND lease_owner = $2 AND state = 'queued'
        RETURNING id
      ), inserted AS (
        INSERT INTO attempts (id, delivery_id, attempt, url, status, started_at, finished_at,
          errors, request, response, error, latency_ms, meta)
        SELECT x.id, updated.id, x.attempt, x.url, x.status, x.started_at, x.finished_at,
          x.errors::jsonb, x.request::jsonb, x.response::jsonb, x.error, x.latency_ms,
          x.meta::jsonb
        FROM updated, jsonb_to_recordset($8::jsonb) AS x (id text, attempt integer, url text,
          status text, started_at bigint, finished_at bigint, errors text, request text,
          response text, error text, latency_ms double precision, meta text))
      SELECT count(*) AS updated FROM updated`,
  },
  // `complete` for many deliveries at once; attempts are inserted only for leases still held.
  completeMany: {
    name: 'sb_complete_many',
    text: `WITH input AS (
        SELECT * FROM jsonb_to_recordset($1::jsonb) AS x (id text, owner text, state text,
          attempt_count integer, rounds integer, next_attempt_at bigint, finished_at bigint)
      ), updated AS (
        UPDATE deliveries AS d
        SET state = i.state, attempts = d.attempts + i.attempt_count, rounds = i.rounds,
          next_attempt_at = i.next_attempt_at, finished_at = i.finished_at,
          lease_owner = NULL, lease_expires_at = NULL
        FROM input AS i
        WHERE d.id = i.id AND d.lease_owner = i.owner AND d.state = 'queued'
        RETURNING d.id
      ), inserted AS (
        INSERT INTO attempts (id, delivery_id, attempt, url, status, started_at, finished_at,
          errors, request, response, error, latency_ms, meta)
        SELECT x.id, x.delivery_id, x.attempt, x.url, x.status, x.started_at, x.finished_at,
          x.errors::jsonb, x.request::jsonb, x.response::jsonb, x.error, x.latency_ms,
          x.meta::jsonb
        FROM jsonb_to_recordset($2::jsonb) AS x (id text, delivery_id text, attempt integer,
          url text, status text, started_at bigint, finished_at bigint, errors text,
          request text, response text, error text, latency_ms double precision, meta text)
        WHERE x.delivery_id IN (SELECT id FROM updated))
      SELECT id FROM updated`,
  },
  // Released deliveries keep their place in line: they were due already.
  releaseLeases: {
    name: 'sb_release_leases',
    text: `UPDATE deliveries
      SET lease_owner = NULL, lease_expires_at = NULL, next_attempt_at = LEAST(next_attempt_at, $2)
      WHERE state = 'queued' AND lease_owner = $1`,
  },
  // Only rows ahead of the first unleased one can be due sooner, and those are the few in
  // flight, so this reads a short stretch of the claim index whatever the backlog.
  nextDueAt: {
    name: 'sb_next_due_at',
    text: `SELECT MIN(GREATEST(next_attempt_at, lease_expires_at)) AS due
      FROM deliveries
      WHERE state = 'queued' AND next_attempt_at <= COALESCE(
        (SELECT next_attempt_at FROM deliveries
         WHERE state = 'queued' AND lease_expires_at IS NULL
         ORDER BY next_attempt_at LIMIT 1),
        9223372036854775807)`,
  },
  getDelivery: {
    name: 'sb_get_delivery',
    text: `SELECT ${DELIVERY_COLUMNS} FROM deliveries d JOIN events e ON ${DELIVERY_JOIN}
      WHERE d.account_id = $1 AND d.id = $2`,
  },
  listAttempts: {
    name: 'sb_list_attempts',
    text: `SELECT * FROM attempts WHERE delivery_id = $1
      ORDER BY attempt DESC, started_at DESC, id DESC`,
  },
  requeue: {
    name: 'sb_requeue',
    text: `UPDATE deliveries AS d
      SET state = 'queued', next_attempt_at = $3, finished_at = NULL,
        lease_owner = NULL, lease_expires_at = NULL
      FROM events AS e
      WHERE d.account_id = $1 AND d.id = $2 AND ${DELIVERY_JOIN}
      RETURNING ${DELIVERY_COLUMNS}`,
  },
  countQueued: {
    name: 'sb_count_queued',
    text: `SELECT count(*) AS total FROM deliveries WHERE state = 'queued'`,
  },
} as const satisfies Record<string, NamedSql>;

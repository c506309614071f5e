import type { Migration } from '../sql/migration.js';

/**
 * PostgreSQL schema, oldest first. Never edit a shipped migration: add a new one.
 *
 * The same tables as SQLite, with `jsonb` for JSON and `bigint` for epoch-millisecond times.
 * The claim index is partial on `state = 'queued'` and carries `lease_expires_at` so claims and
 * `nextDueAt` skip in-flight rows inside the index.
 */
export const POSTGRES_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'initial schema',
    statements: [
      `CREATE TABLE accounts (
        id text PRIMARY KEY,
        name text NOT NULL,
        api_key_hash text NOT NULL UNIQUE,
        settings jsonb NOT NULL,
        created_at bigint NOT NULL
      )`,
      `CREATE TABLE signing_keys (
        id text PRIMARY KEY,
        account_id text NOT NULL REFERENCES accounts (id),
        public_key text NOT NULL,
        private_key text NOT NULL,
        created_at bigint NOT NULL,
        retires_at bigint
      )`,
      `CREATE INDEX signing_keys_by_account ON signing_keys (account_id, created_at DESC)`,
      `CREATE TABLE resources (
        account_id text NOT NULL,
        kind text NOT NULL,
        id text NOT NULL,
        data jsonb NOT NULL,
        created_at bigint NOT NULL,
        updated_at bigint NOT NULL,
        PRIMARY KEY (account_id, kind, id)
      )`,
      `CREATE INDEX resources_by_age ON resources (account_id, kind, created_at)`,
      `CREATE TABLE events (
        account_id text NOT NULL,
        id text NOT NULL,
        event_type text NOT NULL,
        webhook jsonb NOT NULL,
        created_at bigint NOT NULL,
        PRIMARY KEY (account_id, id)
      )`,
      `CREATE TABLE deliveries (
        id text PRIMARY KEY,
        account_id text NOT NULL,
        event_id text NOT NULL,
        url text NOT NULL,
        failover_url text,
        method text NOT NULL CHECK (method IN ('POST', 'GET')),
        api_version text NOT NULL CHECK (api_version IN ('1', '2')),
        timeout_ms integer NOT NULL,
        retry_schedule jsonb,
        body_format text NOT NULL CHECK (body_format IN ('telnyx', 'compact')),
        origin text NOT NULL,
        state text NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'delivered', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        rounds integer NOT NULL DEFAULT 0,
        next_attempt_at bigint,
        lease_owner text,
        lease_expires_at bigint,
        started_at bigint,
        finished_at bigint,
        created_at bigint NOT NULL,
        options jsonb NOT NULL,
        FOREIGN KEY (account_id, event_id) REFERENCES events (account_id, id)
      )`,
      `CREATE INDEX deliveries_due ON deliveries (next_attempt_at, lease_expires_at)
        WHERE state = 'queued'`,
      `CREATE INDEX deliveries_by_account ON deliveries (account_id, created_at DESC)`,
      `CREATE TABLE attempts (
        id text PRIMARY KEY,
        delivery_id text NOT NULL REFERENCES deliveries (id),
        attempt integer NOT NULL,
        url text NOT NULL,
        status text NOT NULL CHECK (status IN ('delivered', 'failed')),
        started_at bigint NOT NULL,
        finished_at bigint NOT NULL,
        errors jsonb NOT NULL,
        request jsonb NOT NULL,
        response jsonb,
        error text,
        latency_ms double precision NOT NULL,
        meta jsonb NOT NULL
      )`,
      `CREATE INDEX attempts_by_delivery ON attempts (delivery_id, attempt DESC)`,
    ],
  },
  {
    // Claims then read one event row per delivery instead of two, and each recorded try updates
    // one random-UUID index fewer: nothing looks attempts up by id, and the lease already stops
    // a completion from being recorded twice.
    version: 2,
    name: 'event type on deliveries, attempts without a key on id',
    statements: [
      `ALTER TABLE deliveries ADD COLUMN event_type text`,
      `UPDATE deliveries d SET event_type = e.event_type
        FROM events e WHERE e.account_id = d.account_id AND e.id = d.event_id`,
      `ALTER TABLE deliveries ALTER COLUMN event_type SET NOT NULL`,
      `ALTER TABLE attempts DROP CONSTRAINT attempts_pkey`,
    ],
  },
  {
    // Inbox captures. `seq` is the stream cursor; inserts take a per-account advisory lock
    // before drawing it, so an account's sequences commit in order. Inbox tokens are found
    // through an expression index.
    version: 3,
    name: 'inbox captures',
    statements: [
      `CREATE TABLE captures (
        seq bigserial PRIMARY KEY,
        id text NOT NULL UNIQUE,
        account_id text NOT NULL,
        inbox_id text NOT NULL,
        method text NOT NULL,
        path text NOT NULL,
        query text NOT NULL,
        headers jsonb NOT NULL,
        body bytea NOT NULL,
        remote_address text NOT NULL,
        received_at bigint NOT NULL,
        event_type text,
        verification text,
        forwards jsonb NOT NULL DEFAULT '[]'
      )`,
      `CREATE INDEX captures_by_account ON captures (account_id, seq)`,
      `CREATE INDEX resources_inbox_token ON resources ((data ->> 'token')) WHERE kind = 'inbox'`,
    ],
  },
  {
    // Retention (`pruneFinished`): finished deliveries oldest first, the event behind each
    // delivery (deleting an event checks its deliveries through the foreign key), and events
    // by age. Without them every pruning batch would scan whole tables.
    version: 4,
    name: 'retention indexes',
    statements: [
      `CREATE INDEX deliveries_finished ON deliveries (finished_at)
        WHERE state IN ('delivered', 'failed')`,
      `CREATE INDEX deliveries_by_event ON deliveries (account_id, event_id)`,
      `CREATE INDEX events_by_age ON events (created_at)`,
    ],
  },
  {
    // The Deliveries API lists newest first with \`id\` as the tie-breaker: with the tie-breaker
    // in the index a page is read in order instead of sorting every matching row, for the
    // unfiltered list and for the status and event-type filters.
    version: 5,
    name: 'delivery list indexes',
    statements: [
      `CREATE INDEX deliveries_list ON deliveries (account_id, created_at DESC, id DESC)`,
      `CREATE INDEX deliveries_list_by_state
        ON deliveries (account_id, state, created_at DESC, id DESC)`,
      `CREATE INDEX deliveries_list_by_type
        ON deliveries (account_id, event_type, created_at DESC, id DESC)`,
    ],
  },
  {
    // `deliveries_list` (account, created_at DESC, id DESC) starts with every column of
    // `deliveries_by_account`, so that index only cost each publish one more B-tree write.
    version: 6,
    name: 'drop the index the delivery list index covers',
    statements: [`DROP INDEX deliveries_by_account`],
  },
  {
    // A number belongs to one account, as on Telnyx. Copies that older versions let a second
    // account (or a race in one) register are removed first; the earliest registration keeps it.
    version: 7,
    name: 'one account per phone number',
    statements: [
      `DELETE FROM resources r WHERE kind = 'phone_number' AND EXISTS (
        SELECT 1 FROM resources o
        WHERE o.kind = 'phone_number'
          AND o.data ->> 'phone_number' = r.data ->> 'phone_number'
          AND (o.created_at, o.account_id, o.id) < (r.created_at, r.account_id, r.id))`,
      `CREATE UNIQUE INDEX resources_phone_number
        ON resources ((data ->> 'phone_number')) WHERE kind = 'phone_number'`,
    ],
  },
];

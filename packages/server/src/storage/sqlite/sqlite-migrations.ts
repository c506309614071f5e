import type { Migration } from '../sql/migration.js';

/**
 * SQLite schema, oldest first. Never edit a shipped migration: add a new one.
 *
 * JSON is stored as text and times as integer epoch milliseconds. The claim index is partial on
 * `state = 'queued'`, so finished deliveries cost it nothing; it carries `lease_expires_at` so
 * claims and `nextDueAt` can skip in-flight rows without reading the table.
 */
export const SQLITE_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'initial schema',
    statements: [
      `CREATE TABLE accounts (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        api_key_hash TEXT NOT NULL UNIQUE,
        settings TEXT NOT NULL,
        created_at INTEGER NOT NULL
      )`,
      `CREATE TABLE signing_keys (
        id TEXT PRIMARY KEY,
        account_id TEXT NOT NULL REFERENCES accounts (id),
        public_key TEXT NOT NULL,
        private_key TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        retires_at INTEGER
      )`,
      `CREATE INDEX signing_keys_by_account ON signing_keys (account_id, created_at DESC)`,
      `CREATE TABLE resources (
        account_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        id TEXT NOT NULL,
        data TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        PRIMARY KEY (account_id, kind, id)
      )`,
      `CREATE INDEX resources_by_age ON resources (account_id, kind, created_at)`,
      `CREATE TABLE events (
        account_id TEXT NOT NULL,
        id TEXT NOT NULL,
        event_type TEXT NOT NULL,
        webhook TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        PRIMARY KEY (account_id, id)
      )`,
      `CREATE TABLE deliveries (
        id TEXT PRIMARY KEY,
        account_id TEXT NOT NULL,
        event_id TEXT NOT NULL,
        url TEXT NOT NULL,
        failover_url TEXT,
        method TEXT NOT NULL CHECK (method IN ('POST', 'GET')),
        api_version TEXT NOT NULL CHECK (api_version IN ('1', '2')),
        timeout_ms INTEGER NOT NULL,
        retry_schedule TEXT,
        body_format TEXT NOT NULL CHECK (body_format IN ('telnyx', 'compact')),
        origin TEXT NOT NULL,
        state TEXT NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'delivered', 'failed')),
        attempts INTEGER NOT NULL DEFAULT 0,
        rounds INTEGER NOT NULL DEFAULT 0,
        next_attempt_at INTEGER,
        lease_owner TEXT,
        lease_expires_at INTEGER,
        started_at INTEGER,
        finished_at INTEGER,
        created_at INTEGER NOT NULL,
        options TEXT NOT NULL,
        FOREIGN KEY (account_id, event_id) REFERENCES events (account_id, id)
      )`,
      `CREATE INDEX deliveries_due ON deliveries (next_attempt_at, lease_expires_at)
        WHERE state = 'queued'`,
      `CREATE INDEX deliveries_by_account ON deliveries (account_id, created_at DESC)`,
      `CREATE TABLE attempts (
        id TEXT PRIMARY KEY,
        delivery_id TEXT NOT NULL REFERENCES deliveries (id),
        attempt INTEGER NOT NULL,
        url TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('delivered', 'failed')),
        started_at INTEGER NOT NULL,
        finished_at INTEGER NOT NULL,
        errors TEXT NOT NULL,
        request TEXT NOT NULL,
        response TEXT,
        error TEXT,
        latency_ms REAL NOT NULL,
        meta TEXT NOT NULL
      )`,
      `CREATE INDEX attempts_by_delivery ON attempts (delivery_id, attempt DESC)`,
    ],
  },
  {
    // Claims then read one event row per delivery instead of two, and each recorded try writes
    // one random-UUID index page fewer: nothing looks attempts up by id, and the lease already
    // stops a completion from being recorded twice. SQLite cannot drop a key, so the table is
    // rebuilt.
    version: 2,
    name: 'event type on deliveries, attempts without a key on id',
    statements: [
      `ALTER TABLE deliveries ADD COLUMN event_type TEXT NOT NULL DEFAULT ''`,
      `UPDATE deliveries SET event_type = (
        SELECT e.event_type FROM events e
        WHERE e.account_id = deliveries.account_id AND e.id = deliveries.event_id)`,
      `CREATE TABLE attempts_v2 (
        id TEXT NOT NULL,
        delivery_id TEXT NOT NULL REFERENCES deliveries (id),
        attempt INTEGER NOT NULL,
        url TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('delivered', 'failed')),
        started_at INTEGER NOT NULL,
        finished_at INTEGER NOT NULL,
        errors TEXT NOT NULL,
        request TEXT NOT NULL,
        response TEXT,
        error TEXT,
        latency_ms REAL NOT NULL,
        meta TEXT NOT NULL
      )`,
      `INSERT INTO attempts_v2 SELECT * FROM attempts`,
      `DROP TABLE attempts`,
      `ALTER TABLE attempts_v2 RENAME TO attempts`,
      `CREATE INDEX attempts_by_delivery ON attempts (delivery_id, attempt DESC)`,
    ],
  },
  {
    // Inbox captures. The rowid alias is the stream cursor: SQLite serialises writers, so
    // sequences commit in order. Inbox tokens are found through an expression index.
    version: 3,
    name: 'inbox captures',
    statements: [
      `CREATE TABLE captures (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        account_id TEXT NOT NULL,
        inbox_id TEXT NOT NULL,
        method TEXT NOT NULL,
        path TEXT NOT NULL,
        query TEXT NOT NULL,
        headers TEXT NOT NULL,
        body BLOB NOT NULL,
        remote_address TEXT NOT NULL,
        received_at INTEGER NOT NULL,
        event_type TEXT,
        verification TEXT,
        forwards TEXT NOT NULL DEFAULT '[]'
      )`,
      `CREATE INDEX captures_by_account ON captures (account_id, seq)`,
      `CREATE INDEX resources_inbox_token ON resources (json_extract(data, '$.token'))
        WHERE kind = 'inbox'`,
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
      `DELETE FROM resources WHERE kind = 'phone_number' AND EXISTS (
        SELECT 1 FROM resources o
        WHERE o.kind = 'phone_number'
          AND json_extract(o.data, '$.phone_number') = json_extract(resources.data, '$.phone_number')
          AND (o.created_at, o.account_id, o.id)
            < (resources.created_at, resources.account_id, resources.id))`,
      `CREATE UNIQUE INDEX resources_phone_number
        ON resources (json_extract(data, '$.phone_number')) WHERE kind = 'phone_number'`,
    ],
  },
];

import type Database from 'better-sqlite3';
import type { AccountRow } from '../sql/account-row.js';
import type { AttemptRow } from '../sql/attempt-row.js';
import type { CompletionColumns, DeliveryInsertRow, DeliveryRow } from '../sql/delivery-row.js';
import type { EventRow } from '../sql/event-row.js';
import type { ResourceRow } from '../sql/resource-row.js';
import type { SigningKeyRow } from '../sql/signing-key-row.js';
import type { ClaimedColumns } from '../unclaimed-deliveries.js';
import { prepareStatement } from './sqlite-statement.js';

/** RETURNING cannot join, so the event's webhook comes from a primary-key subquery. */
const RETURNING_DELIVERY = `RETURNING *,
  (SELECT webhook FROM events e WHERE e.account_id = deliveries.account_id AND e.id = deliveries.event_id) AS webhook`;

const SELECT_DELIVERY = `SELECT d.*, e.webhook
  FROM deliveries d JOIN events e ON e.account_id = d.account_id AND e.id = d.event_id`;

/** Bound to the claim statement. `exclude_origins` is a JSON array, so one statement fits any list. */
export interface ClaimParams {
  readonly owner: string;
  readonly now: number;
  readonly lease_expires_at: number;
  readonly limit: number;
  readonly exclude_origins: string;
  readonly scan: number;
  readonly origin_room: string;
  readonly other_room: number;
}

export interface CompleteParams extends CompletionColumns {
  readonly id: string;
  readonly owner: string;
  readonly attempt_count: number;
  readonly rounds: number;
}

/** Every fixed statement of the SQLite store, prepared once per connection. */
export type SqliteStatements = ReturnType<typeof prepareSqliteStatements>;

export function prepareSqliteStatements(db: Database.Database) {
  return { ...accountStatements(db), ...resourceStatements(db), ...deliveryStatements(db) };
}

function accountStatements(db: Database.Database) {
  return {
    insertAccount: prepareStatement<[AccountRow]>(
      db,
      `INSERT INTO accounts (id, name, api_key_hash, settings, created_at)
       VALUES (@id, @name, @api_key_hash, @settings, @created_at)`,
    ),
    getAccount: prepareStatement<[string], AccountRow>(db, 'SELECT * FROM accounts WHERE id = ?'),
    findAccountByKeyHash: prepareStatement<[string], AccountRow>(
      db,
      'SELECT * FROM accounts WHERE api_key_hash = ?',
    ),
    updateAccountSettings: prepareStatement<[string, string]>(
      db,
      'UPDATE accounts SET settings = ? WHERE id = ?',
    ),
    listAccounts: prepareStatement<[], AccountRow>(
      db,
      'SELECT * FROM accounts ORDER BY created_at, id',
    ),
    insertSigningKey: prepareStatement<[SigningKeyRow]>(
      db,
      `INSERT INTO signing_keys (id, account_id, public_key, private_key, created_at, retires_at)
       VALUES (@id, @account_id, @public_key, @private_key, @created_at, @retires_at)`,
    ),
    retireCurrentKeys: prepareStatement<[number, string]>(
      db,
      'UPDATE signing_keys SET retires_at = ? WHERE account_id = ? AND retires_at IS NULL',
    ),
    listSigningKeys: prepareStatement<[string, number], SigningKeyRow>(
      db,
      `SELECT * FROM signing_keys WHERE account_id = ? AND (retires_at IS NULL OR retires_at > ?)
       ORDER BY retires_at IS NOT NULL, created_at DESC, id DESC`,
    ),
  };
}

function resourceStatements(db: Database.Database) {
  return {
    putResource: prepareStatement<[ResourceRow]>(
      db,
      `INSERT INTO resources (account_id, kind, id, data, created_at, updated_at)
       VALUES (@account_id, @kind, @id, @data, @created_at, @updated_at)
       ON CONFLICT (account_id, kind, id) DO UPDATE SET
         data = excluded.data, updated_at = excluded.updated_at`,
    ),
    getResource: prepareStatement<[string, string, string], ResourceRow>(
      db,
      'SELECT * FROM resources WHERE account_id = ? AND kind = ? AND id = ?',
    ),
    listResources: prepareStatement<[string, string], ResourceRow>(
      db,
      'SELECT * FROM resources WHERE account_id = ? AND kind = ? ORDER BY created_at, id',
    ),
    deleteResource: prepareStatement<[string, string, string]>(
      db,
      'DELETE FROM resources WHERE account_id = ? AND kind = ? AND id = ?',
    ),
  };
}

function deliveryStatements(db: Database.Database) {
  return { ...publishStatements(db), ...queueStatements(db), ...readStatements(db) };
}

function publishStatements(db: Database.Database) {
  return {
    insertEvent: prepareStatement<[EventRow]>(
      db,
      `INSERT INTO events (account_id, id, event_type, webhook, created_at)
       VALUES (@account_id, @id, @event_type, @webhook, @created_at)
       ON CONFLICT (account_id, id) DO NOTHING`,
    ),
    insertDelivery: prepareStatement<[DeliveryInsertRow]>(
      db,
      `INSERT INTO deliveries (id, account_id, event_id, event_type, url, failover_url, method,
         api_version, timeout_ms, retry_schedule, body_format, origin, next_attempt_at,
         created_at, options, lease_owner, lease_expires_at, started_at)
       VALUES (@id, @account_id, @event_id, @event_type, @url, @failover_url, @method,
         @api_version, @timeout_ms, @retry_schedule, @body_format, @origin, @next_attempt_at,
         @created_at, @options, @lease_owner, @lease_expires_at, @started_at)`,
    ),
  };
}

/**
 * The hot path. Lease checks use `lease_expires_at`, which is set and cleared together with
 * `lease_owner` and, unlike it, sits in the claim index.
 */
function queueStatements(db: Database.Database) {
  return {
    // The window function numbers each origin's due deliveries, oldest first, so a claim takes
    // at most its room from each origin; `origin_room` is a JSON object of origin → room.
    claimDue: prepareStatement<[ClaimParams], ClaimedColumns>(
      db,
      `UPDATE deliveries
       SET lease_owner = @owner, lease_expires_at = @lease_expires_at,
         started_at = COALESCE(started_at, @now)
       WHERE rowid IN (
         SELECT rowid FROM (
           SELECT rowid, origin, next_attempt_at,
             row_number() OVER (PARTITION BY origin ORDER BY next_attempt_at, rowid) AS nth
           FROM (
             SELECT rowid, origin, next_attempt_at FROM deliveries
             WHERE state = 'queued' AND next_attempt_at <= @now
               AND (lease_expires_at IS NULL OR lease_expires_at <= @now)
               AND origin NOT IN (SELECT value FROM json_each(@exclude_origins))
             ORDER BY next_attempt_at
             LIMIT @scan))
         WHERE nth <= COALESCE(
           (SELECT value FROM json_each(@origin_room) WHERE key = origin), @other_room)
         ORDER BY next_attempt_at
         LIMIT @limit)
       RETURNING id, attempts, rounds, next_attempt_at, started_at`,
    ),
    /** Claimed deliveries this process does not remember; `ids` is a JSON array. */
    getClaimed: prepareStatement<[string], DeliveryRow>(
      db,
      `${SELECT_DELIVERY} WHERE d.id IN (SELECT value FROM json_each(?))`,
    ),
    completeDelivery: prepareStatement<[CompleteParams]>(
      db,
      `UPDATE deliveries
       SET state = @state, attempts = attempts + @attempt_count, rounds = @rounds,
         next_attempt_at = @next_attempt_at, finished_at = @finished_at,
         lease_owner = NULL, lease_expires_at = NULL
       WHERE id = @id AND lease_owner = @owner AND state = 'queued'`,
    ),
    insertAttempt: prepareStatement<[AttemptRow]>(
      db,
      `INSERT INTO attempts (id, delivery_id, attempt, url, status, started_at, finished_at,
         errors, request, response, error, latency_ms, meta)
       VALUES (@id, @delivery_id, @attempt, @url, @status, @started_at, @finished_at,
         @errors, @request, @response, @error, @latency_ms, @meta)`,
    ),
    // Released deliveries keep their place in line: they were due already.
    releaseLeases: prepareStatement<[number, string]>(
      db,
      `UPDATE deliveries
       SET lease_owner = NULL, lease_expires_at = NULL, next_attempt_at = MIN(next_attempt_at, ?)
       WHERE state = 'queued' AND lease_owner = ?`,
    ),
    requeue: prepareStatement<[number, string, string], DeliveryRow>(
      db,
      `UPDATE deliveries
       SET state = 'queued', next_attempt_at = ?, finished_at = NULL,
         lease_owner = NULL, lease_expires_at = NULL
       WHERE account_id = ? AND id = ?
       ${RETURNING_DELIVERY}`,
    ),
    // Only rows ahead of the first unleased one can be due sooner, and those are the few in
    // flight, so this reads a short stretch of the claim index whatever the backlog.
    nextDueAt: prepareStatement<[], { due: number | null }>(
      db,
      `SELECT MIN(MAX(next_attempt_at, COALESCE(lease_expires_at, 0))) AS due
       FROM deliveries
       WHERE state = 'queued' AND next_attempt_at <= COALESCE(
         (SELECT next_attempt_at FROM deliveries
          WHERE state = 'queued' AND lease_expires_at IS NULL
          ORDER BY next_attempt_at LIMIT 1),
         9223372036854775807)`,
    ),
    countQueued: prepareStatement<[], { total: number }>(
      db,
      `SELECT count(*) AS total FROM deliveries WHERE state = 'queued'`,
    ),
  };
}

function readStatements(db: Database.Database) {
  return {
    getEvent: prepareStatement<[string, string], EventRow>(
      db,
      'SELECT * FROM events WHERE account_id = ? AND id = ?',
    ),
    getDelivery: prepareStatement<[string, string], DeliveryRow>(
      db,
      `${SELECT_DELIVERY} WHERE d.account_id = ? AND d.id = ?`,
    ),
    listAttempts: prepareStatement<[string], AttemptRow>(
      db,
      'SELECT * FROM attempts WHERE delivery_id = ? ORDER BY attempt DESC, started_at DESC, id DESC',
    ),
  };
}

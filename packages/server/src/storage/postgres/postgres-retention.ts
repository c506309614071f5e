import type pg from 'pg';
import type { PruneResult } from '../retention-store.js';
import { inTransaction } from './postgres-transaction.js';

/** SKIP LOCKED: two nodes pruning at once take different rows instead of waiting. */
const PICK_FINISHED = `SELECT id FROM deliveries
  WHERE state IN ('delivered', 'failed') AND finished_at < $1
  ORDER BY finished_at LIMIT $2 FOR UPDATE SKIP LOCKED`;
const DELETE_ATTEMPTS = `DELETE FROM attempts WHERE delivery_id = ANY($1::text[])`;
const DELETE_DELIVERIES = `DELETE FROM deliveries WHERE id = ANY($1::text[])`;
const DELETE_EVENTS = `DELETE FROM events WHERE ctid IN (
  SELECT e.ctid FROM events e
  WHERE e.created_at < $1 AND NOT EXISTS (
    SELECT 1 FROM deliveries d WHERE d.account_id = e.account_id AND d.event_id = e.id)
  ORDER BY e.created_at LIMIT $2 FOR UPDATE SKIP LOCKED)`;

/** One bounded pruning batch in one transaction; see the SQLite twin for the rules. */
export function prunePostgresBatch(
  pool: pg.Pool,
  before: number,
  limit: number,
): Promise<PruneResult> {
  return inTransaction(pool, async (client) => {
    const picked = await client.query<{ id: string }>(PICK_FINISHED, [before, limit]);
    const ids = picked.rows.map((row) => row.id);
    const attempts = await client.query(DELETE_ATTEMPTS, [ids]);
    const deliveries = await client.query(DELETE_DELIVERIES, [ids]);
    const events = await client.query(DELETE_EVENTS, [before, limit]);
    return {
      attempts: attempts.rowCount ?? 0,
      deliveries: deliveries.rowCount ?? 0,
      events: events.rowCount ?? 0,
    };
  });
}

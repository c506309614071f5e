import type Database from 'better-sqlite3';
import type { PruneResult } from '../retention-store.js';

const PICK_FINISHED = `SELECT id, account_id, event_id FROM deliveries
  WHERE state IN ('delivered', 'failed') AND finished_at < ?
  ORDER BY finished_at LIMIT ?`;
const DELETE_ATTEMPTS = `DELETE FROM attempts WHERE delivery_id IN (SELECT value FROM json_each(?))`;
const DELETE_DELIVERIES = `DELETE FROM deliveries WHERE id IN (SELECT value FROM json_each(?))`;
/** An event goes once its last delivery has; `created_at` keeps a just-published one. */
const DELETE_EVENTS = `DELETE FROM events WHERE rowid IN (
  SELECT e.rowid FROM events e
  WHERE e.created_at < ? AND NOT EXISTS (
    SELECT 1 FROM deliveries d WHERE d.account_id = e.account_id AND d.event_id = e.id)
  ORDER BY e.created_at LIMIT ?)`;

interface Picked {
  readonly id: string;
}

/**
 * One bounded pruning batch in one IMMEDIATE transaction: at most `limit` finished deliveries
 * (with their attempts), then at most `limit` events left without deliveries.
 */
export function pruneSqliteBatch(
  db: Database.Database,
): (before: number, limit: number) => PruneResult {
  const pick = db.prepare<[number, number], Picked>(PICK_FINISHED);
  const attempts = db.prepare<[string]>(DELETE_ATTEMPTS);
  const deliveries = db.prepare<[string]>(DELETE_DELIVERIES);
  const events = db.prepare<[number, number]>(DELETE_EVENTS);
  const batch = db.transaction((before: number, limit: number): PruneResult => {
    const ids = JSON.stringify(pick.all(before, limit).map((row) => row.id));
    return {
      attempts: attempts.run(ids).changes,
      deliveries: deliveries.run(ids).changes,
      events: events.run(before, limit).changes,
    };
  });
  return (before, limit) => batch.immediate(before, limit);
}

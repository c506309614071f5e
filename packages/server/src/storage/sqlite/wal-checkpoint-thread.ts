/**
 * The WAL checkpointer's thread (see {@link WalCheckpointer}): a connection of its own to the
 * database file, which copies committed WAL frames back into the file beside the writer, so that
 * no commit pays for a checkpoint. Told `stop`, it closes its connection and ends.
 */
import Database from 'better-sqlite3';
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { needsRestart, type CheckpointResult } from './needs-restart.js';
import type { WalCheckpointSettings } from './wal-checkpointer.js';

if (parentPort === null) throw new Error('wal-checkpoint-thread runs as a worker thread only');
const port: MessagePort = parentPort;
const settings = workerData as WalCheckpointSettings;

/** Failures in a row after which the thread gives up, so the writer checkpoints again itself. */
const MAX_FAILURES_IN_A_ROW = 10;

const db = new Database(settings.filename, { fileMustExist: true });
db.pragma(`busy_timeout = ${settings.busyTimeoutMs}`);
let seenVersion: unknown = null;
let failures = 0;

const timer = setInterval(() => {
  try {
    tick();
    failures = 0;
  } catch (error) {
    failures += 1;
    // A busy file or a full disk passes; one that never does hands the work back.
    if (failures >= MAX_FAILURES_IN_A_ROW) giveUp(error);
  }
}, settings.intervalMs);

port.on('message', (message: unknown) => {
  if (message === 'stop') end();
});

/** One round: nothing when no other connection has committed since the last one. */
function tick(): void {
  // Changes only when another connection commits; a checkpoint does not change it.
  const version: unknown = db.pragma('data_version', { simple: true });
  if (version === seenVersion) return;
  seenVersion = version;
  const [passive] = db.pragma('wal_checkpoint(PASSIVE)') as CheckpointResult[];
  if (passive !== undefined && needsRestart(passive, settings.restartFrames))
    db.pragma('wal_checkpoint(RESTART)');
}

function giveUp(error: unknown): never {
  clearInterval(timer);
  if (db.open) db.close();
  throw error;
}

function end(): void {
  clearInterval(timer);
  if (db.open) db.close();
  port.close();
}

import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** Pages in the WAL past which the writer checkpoints by itself, should this thread fall behind. */
export const WRITER_CHECKPOINT_PAGES = 65_536;

/** Once this many pages (64 MB) are all copied back, the WAL is emptied and truncated. */
const RESTART_PAGES = 16_384;

/**
 * The thread's loop, as CommonJS source (an eval worker needs no file of its own, so it runs the
 * same from TypeScript sources and from the build). PASSIVE never blocks the writer: it copies
 * what it can and reports how far it got; behind, it goes again at once. A busy writer rarely
 * leaves the WAL fully copied at the start of its next commit, which is when SQLite would reuse
 * the file from the start, so once the WAL is large and copied back a TRUNCATE checkpoint empties
 * it. That one waits for no one (busy_timeout 0): it fails at once if the writer is busy and runs
 * again later, and while it runs (a moment, as the pages are already copied) the writer waits.
 */
const THREAD_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.filename, { fileMustExist: true });
db.pragma('busy_timeout = 0');
let timer = null;
let closed = false;
function checkpoint() {
  timer = null;
  if (closed) return;
  let delay = workerData.idleMs;
  try {
    const [state] = db.pragma('wal_checkpoint(PASSIVE)');
    if (state.busy === 0 && state.checkpointed < state.log) delay = 0;
    else if (state.log >= workerData.restartPages) db.pragma('wal_checkpoint(TRUNCATE)');
    else if (state.log > 0) delay = workerData.busyMs;
  } catch (error) {
    parentPort.postMessage({ error: String(error) });
  }
  timer = setTimeout(checkpoint, delay);
}
parentPort.on('message', (message) => {
  if (message === 'close') {
    closed = true;
    if (timer !== null) clearTimeout(timer);
    db.close();
    parentPort.close();
  }
});
checkpoint();
`;

export interface SqliteCheckpointerOptions {
  readonly filename: string;
  /** Pause after a pass that found frames to copy; default 10 ms. */
  readonly busyMs?: number;
  /** Pause after a pass that found the WAL empty; default 250 ms. */
  readonly idleMs?: number;
  readonly onError?: (message: string) => void;
}

/**
 * Copies the WAL back into the database file from a thread of its own. SQLite's automatic
 * checkpoint would run inside a commit on the event loop, copying pages and fsyncing there: a
 * quarter of what a delivery cost the main thread in `bench:engine`.
 */
export class SqliteCheckpointer {
  readonly #worker: Worker;
  readonly #exited: Promise<void>;

  constructor(options: SqliteCheckpointerOptions) {
    this.#worker = new Worker(THREAD_SOURCE, {
      eval: true,
      workerData: {
        driver: createRequire(import.meta.url).resolve('better-sqlite3'),
        filename: options.filename,
        busyMs: options.busyMs ?? 10,
        restartPages: RESTART_PAGES,
        idleMs: options.idleMs ?? 250,
      },
    });
    // It must never keep a process alive that has nothing else to do.
    this.#worker.unref();
    this.#worker.on('message', (message: { error?: string }) => {
      if (message.error !== undefined) options.onError?.(message.error);
    });
    this.#exited = new Promise((resolve) => {
      this.#worker.once('exit', () => {
        resolve();
      });
    });
    this.#worker.on('error', (error) => options.onError?.(String(error)));
  }

  /** Stops the thread and closes its connection. */
  async stop(): Promise<void> {
    this.#worker.postMessage('close');
    await this.#exited;
  }
}

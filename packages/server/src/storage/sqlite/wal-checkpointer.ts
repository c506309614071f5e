import type { Worker } from 'node:worker_threads';
import { endsWithin } from '../../support/settle-within.js';
import { WAL_CHECKPOINT_PAGES } from './sqlite-database.js';
import { siblingWorker } from './sibling-worker.js';

/** How the checkpointer's thread works; `WalCheckpointer.start` fills in what is left out. */
export interface WalCheckpointSettings {
  readonly filename: string;
  /** How often it looks for committed frames to copy. */
  readonly intervalMs: number;
  /** WAL length at which it rewinds the WAL (see `needsRestart`). */
  readonly restartFrames: number;
  /** How long a RESTART waits for the writer and readers; the writer waits while it does. */
  readonly busyTimeoutMs: number;
}

export interface WalCheckpointerOptions extends Partial<WalCheckpointSettings> {
  readonly filename: string;
  /**
   * Called once if the thread ends by itself (it could not open the file, or its checkpoints kept
   * failing); the WAL then grows until the writer checkpoints on commit again.
   */
  readonly onGiveUp: (error: Error) => void;
}

const DEFAULTS = {
  intervalMs: 200,
  // The length at which a writer checkpoints on commit.
  restartFrames: WAL_CHECKPOINT_PAGES,
  // Short: a RESTART that cannot finish this soon reports busy, and the next round tries again.
  busyTimeoutMs: 100,
} as const;
/** How long `stop` waits for a checkpoint in progress, then for the thread's end if it is stuck. */
const STOP_MS = 1_000;

/**
 * Checkpoints a WAL database from a thread and a connection of its own. SQLite's automatic
 * checkpoint runs inside the commit that fills the WAL (32 MB here): the writer stalls
 * 30–50 ms every half second at 1,000 publishes/s, and every publish and completion behind it
 * waits (docs/benchmarks.md). Here the writer only appends; the copying and its fsyncs happen
 * beside it. The writer turns its own checkpoints off (`wal_autocheckpoint = 0`) while this
 * runs, and must turn them back on if it gives up (`onGiveUp`).
 */
export class WalCheckpointer {
  readonly #worker: Worker;
  #stopping = false;
  readonly #exited: Promise<void>;

  private constructor(settings: WalCheckpointSettings, onGiveUp: (error: Error) => void) {
    this.#worker = siblingWorker(import.meta.url, 'wal-checkpoint-thread', settings);
    this.#worker.unref();
    this.#exited = new Promise((resolve) => {
      let failure: Error | null = null;
      this.#worker.once('error', (error) => {
        failure = error;
      });
      this.#worker.once('exit', (code) => {
        resolve();
        if (this.#stopping) return;
        onGiveUp(failure ?? new Error(`The WAL checkpointer's thread exited (code ${code})`));
      });
    });
  }

  static start(options: WalCheckpointerOptions): WalCheckpointer {
    const { onGiveUp, ...given } = options;
    return new WalCheckpointer({ ...DEFAULTS, ...given }, onGiveUp);
  }

  /**
   * Lets a checkpoint in progress finish, then ends the thread. Bounded: a thread stuck in the
   * file system is terminated, and one that cannot even be terminated is left to end by itself.
   */
  async stop(): Promise<void> {
    if (!this.#stopping) {
      this.#stopping = true;
      // Held until it ends: a process with nothing else to do would otherwise exit mid-close,
      // before the writer's own close that follows.
      this.#worker.ref();
      this.#worker.postMessage('stop');
    }
    if (await endsWithin(this.#exited, STOP_MS)) return;
    await endsWithin(this.#worker.terminate(), STOP_MS);
  }
}

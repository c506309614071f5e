import type Database from 'better-sqlite3';

/**
 * Captured when the module loads, so that tests which fake timers after importing the store
 * (vitest fakes `setImmediate` by default) still see their writes committed.
 */
const schedule = globalThis.setImmediate;

interface Job {
  /**
   * Runs the work, remembering the outcome. In a shared batch it runs in its own savepoint; alone,
   * the batch's transaction is enough, and a failure rolls the whole (one-job) batch back.
   */
  attempt(alone: boolean): void;
  /** The batch committed: settle with the remembered outcome. */
  commit(): void;
  /** The batch's transaction failed as a whole. */
  abort(error: Error): void;
}

/**
 * Group commit: write transactions requested during one turn of the event loop run inside one
 * SQLite transaction, each in its own savepoint so that one failing does not undo the others.
 * A commit costs far more than the statements of a publish or a completion, so under load this
 * multiplies write throughput; alone, a write waits only for `setImmediate`. Each promise still
 * resolves only after its data is committed.
 */
export class SqliteGroupCommit {
  readonly #db: Database.Database;
  readonly #batch: Database.Transaction<(jobs: readonly Job[]) => void>;
  readonly #savepoint: Database.Transaction<(work: () => void) => void>;
  #queue: Job[] = [];
  #scheduled = false;

  constructor(db: Database.Database) {
    this.#db = db;
    this.#batch = db.transaction((jobs: readonly Job[]) => {
      const alone = jobs.length === 1;
      for (const job of jobs) job.attempt(alone);
    });
    this.#savepoint = db.transaction((work: () => void) => {
      work();
    });
  }

  /** Runs `work` atomically in the next batch; resolves with its result once committed. */
  run<T>(work: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      let outcome: { ok: true; value: T } | { ok: false; error: Error } | undefined;
      this.#enqueue({
        attempt: (alone) => {
          if (alone) {
            outcome = { ok: true, value: work() };
            return;
          }
          try {
            this.#savepoint(() => {
              outcome = { ok: true, value: work() };
            });
          } catch (error) {
            outcome = { ok: false, error: asError(error) };
          }
        },
        commit: () => {
          if (outcome?.ok === true) resolve(outcome.value);
          else reject(outcome?.error ?? new Error('Write was never attempted'));
        },
        abort: reject,
      });
    });
  }

  /** Commits whatever is queued now; `close` calls it so no accepted write is dropped. */
  flush(): void {
    this.#scheduled = false;
    const jobs = this.#queue;
    if (jobs.length === 0) return;
    this.#queue = [];
    if (!this.#db.open) {
      for (const job of jobs) job.abort(new Error('The SQLite store is closed'));
      return;
    }
    try {
      this.#batch.immediate(jobs);
    } catch (error) {
      for (const job of jobs) job.abort(asError(error));
      return;
    }
    for (const job of jobs) job.commit();
  }

  #enqueue(job: Job): void {
    this.#queue.push(job);
    if (this.#scheduled) return;
    this.#scheduled = true;
    schedule(() => {
      this.flush();
    });
  }
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

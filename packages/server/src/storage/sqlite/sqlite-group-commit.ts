import type Database from 'better-sqlite3';

/**
 * Captured when the module loads, so that tests which fake timers after importing the store
 * (vitest fakes `setImmediate` by default) still see their writes committed.
 */
const schedule = globalThis.setImmediate;

type Outcome =
  { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: Error };

interface Job {
  readonly work: () => unknown;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: Error) => void;
}

/**
 * Group commit: write transactions requested during one turn of the event loop run inside one
 * SQLite transaction. A commit costs far more than the statements of a publish or a completion,
 * so under load this multiplies write throughput; alone, a write waits only for `setImmediate`.
 * Each promise resolves only after its data is committed.
 *
 * Jobs share the transaction optimistically, without a savepoint each (a savepoint pair costs
 * about as much as a publish's inserts). If any job throws, the whole batch is rolled back and
 * every job runs again in its own transaction, so one failing job never undoes the others.
 */
export class SqliteGroupCommit {
  readonly #db: Database.Database;
  readonly #together: Database.Transaction<(jobs: readonly Job[]) => unknown[]>;
  readonly #alone: Database.Transaction<(job: Job) => unknown>;
  #queue: Job[] = [];
  #scheduled = false;

  constructor(db: Database.Database) {
    this.#db = db;
    this.#together = db.transaction((jobs: readonly Job[]) => jobs.map((job) => job.work()));
    this.#alone = db.transaction((job: Job) => job.work());
  }

  /** Runs `work` atomically in the next batch; resolves with its result once committed. */
  run<T>(work: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#enqueue({ work, resolve: resolve as (value: unknown) => void, reject });
    });
  }

  /** Commits whatever is queued now; `close` calls it so no accepted write is dropped. */
  flush(): void {
    this.#scheduled = false;
    const jobs = this.#queue;
    if (jobs.length === 0) return;
    this.#queue = [];
    if (!this.#db.open) {
      for (const job of jobs) job.reject(new Error('The SQLite store is closed'));
      return;
    }
    const outcomes = this.#runTogether(jobs) ?? jobs.map((job) => this.#runAlone(job));
    jobs.forEach((job, index) => {
      const outcome = outcomes[index];
      if (outcome?.ok === true) job.resolve(outcome.value);
      else job.reject(outcome?.error ?? new Error('Write was never attempted'));
    });
  }

  /** Null when some job threw: the batch was rolled back and must run job by job. */
  #runTogether(jobs: readonly Job[]): Outcome[] | null {
    if (jobs.length === 1) return null;
    try {
      return this.#together.immediate(jobs).map((value) => ({ ok: true, value }));
    } catch {
      return null;
    }
  }

  #runAlone(job: Job): Outcome {
    try {
      return { ok: true, value: this.#alone.immediate(job) };
    } catch (error) {
      return { ok: false, error: asError(error) };
    }
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

import type { Worker } from 'node:worker_threads';
import type { SqliteStoreOptions } from './sqlite-database.js';
import { siblingWorker } from './sibling-worker.js';
import type { ArgsOf, OperationName, ResultOf } from './sqlite-thread-operations.js';
import {
  fromThreadError,
  pack,
  postBatch,
  toThreadError,
  unpack,
  type Packed,
  type SentCall,
  type ThreadError,
  type ThreadLost,
  type ThreadReady,
  type ThreadReply,
} from './sqlite-thread-protocol.js';

/** Captured at load, so tests that fake timers after importing still see calls sent. */
const schedule = globalThis.setImmediate;

/** A call waiting for its reply. */
interface Pending {
  readonly op: OperationName;
  /**
   * Reads the reply's value back as the result of this call's operation (the reply to a call's
   * id holds its operation's result) and settles the call with it; throws if it cannot be read.
   */
  readonly read: (value: Packed<unknown>) => void;
  readonly reject: (error: Error) => void;
}

/** A call waiting for the end of the turn, when its batch is sent. */
interface QueuedCall {
  readonly id: number;
  readonly op: OperationName;
  /** Packs the arguments `call` was given for `op`. */
  readonly packArgs: () => Packed<unknown>;
}

/**
 * Sends operations (`SqliteThreadOperations`) to the database thread and settles them with its
 * replies. Calls made during one turn of the event loop travel in one message. The thread keeps
 * the process alive only while a call is waiting for its reply. Every call settles: arguments
 * that cannot be sent, and results that cannot be read back, fail their own call (see `pack`).
 */
export class SqliteThreadClient {
  readonly ready: Promise<void>;
  readonly #worker: Worker;
  readonly #pending = new Map<number, Pending>();
  #queue: QueuedCall[] = [];
  #nextId = 0;
  #failure: Error | null = null;

  constructor(options: SqliteStoreOptions) {
    this.#worker = siblingWorker(import.meta.url, 'sqlite-thread-host', options);
    this.#worker.unref();
    this.ready = new Promise((resolve, reject) => {
      this.#worker.once('message', (message: ThreadReady) => {
        if (message.ready) resolve();
        else reject(fromThreadError(message.error));
        this.#worker.on('message', (message: readonly ThreadReply[] | ThreadLost) => {
          if ('lost' in message) this.#rejectPending(lostMessage(message.lost));
          else this.#receive(message);
        });
      });
      this.#worker.once('error', reject);
    });
    this.#worker.on('error', (error) => {
      this.#fail(error);
    });
    // Not expected (see `pack`), and not left to hang: the calls waiting cannot be told apart.
    this.#worker.on('messageerror', (error) => {
      this.#rejectPending(lostMessage(toThreadError(error)));
    });
    this.#worker.once('exit', (code) => {
      this.#fail(new Error(`The SQLite thread exited (code ${code})`));
    });
  }

  /** Runs `op` on the database thread with `args`; settles with its result or its error. */
  call<K extends OperationName>(op: K, ...args: ArgsOf<K>): Promise<ResultOf<K>> {
    if (this.#failure !== null) return Promise.reject(this.#failure);
    return new Promise<ResultOf<K>>((resolve, reject) => {
      const id = this.#nextId++;
      // The reply to this call's id holds its operation's result (see `Pending.read`).
      const read = (value: Packed<unknown>): void => {
        resolve(unpack(value as Packed<ResultOf<K>>));
      };
      this.#pending.set(id, { op, read, reject });
      if (this.#pending.size === 1) this.#worker.ref();
      if (this.#queue.length === 0) {
        schedule(() => {
          this.#send();
        });
      }
      this.#queue.push({ id, op, packArgs: () => pack(args) });
    });
  }

  /**
   * Gives up on a thread that does not answer: every call still waiting fails with `reason`, and
   * so does every later one. The thread is not terminated: one blocked inside SQLite (waiting on
   * another process's lock, say) cannot be stopped before it returns, and terminating it then
   * can abort the process in better-sqlite3. It finishes that statement and the close queued
   * behind it, and ends by itself.
   */
  giveUp(reason: Error): void {
    this.#fail(reason);
  }

  /** Resolves once the thread has ended. */
  async exited(): Promise<void> {
    if (this.#failure !== null) return;
    // Held while waited for: with nothing else to do, the process would exit before the thread.
    this.#worker.ref();
    await new Promise((resolve) => this.#worker.once('exit', resolve));
  }

  /** Runs at the start of a turn, so the serializer has the whole stack to recurse in. */
  #send(): void {
    const calls = this.#queue;
    this.#queue = [];
    const batch: SentCall[] = [];
    for (const call of calls) {
      try {
        batch.push({ id: call.id, op: call.op, args: call.packArgs() });
      } catch (error) {
        this.#settle(call.id, (pending) => {
          pending.reject(unsent(call.op, error));
        });
      }
    }
    if (batch.length === 0) return;
    postBatch(
      (calls) => {
        this.#worker.postMessage(calls);
      },
      batch,
      (call, error) => {
        this.#settle(call.id, (pending) => {
          pending.reject(unsent(call.op, error));
        });
      },
    );
  }

  #receive(replies: readonly ThreadReply[]): void {
    for (const reply of replies) {
      this.#settle(reply.id, (pending) => {
        if (!reply.ok) {
          pending.reject(fromThreadError(reply.error));
          return;
        }
        try {
          pending.read(reply.value);
        } catch (error) {
          pending.reject(unreadable(pending.op, error));
        }
      });
    }
  }

  #settle(id: number, settle: (pending: Pending) => void): void {
    const pending = this.#pending.get(id);
    if (pending === undefined) return;
    this.#pending.delete(id);
    settle(pending);
    if (this.#pending.size === 0) this.#worker.unref();
  }

  #fail(error: Error): void {
    this.#failure ??= error;
    this.#rejectPending(error);
  }

  #rejectPending(error: Error): void {
    const waiting = [...this.#pending.values()];
    this.#pending.clear();
    this.#worker.unref();
    for (const pending of waiting) pending.reject(error);
  }
}

function unsent(op: OperationName, error: unknown): Error {
  return new Error(
    `The store call ${op} could not be sent to the SQLite thread: ${messageOf(error)}`,
  );
}

function unreadable(op: OperationName, error: unknown): Error {
  return new Error(`The SQLite thread's reply to ${op} could not be read: ${messageOf(error)}`);
}

function lostMessage(error: ThreadError): Error {
  return new Error(
    `A message between the SQLite thread and its caller could not be read (${error.message}); ` +
      'the calls waiting on it are failed rather than left waiting',
  );
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

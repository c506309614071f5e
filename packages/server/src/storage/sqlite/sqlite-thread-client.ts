import { Worker } from 'node:worker_threads';
import type { SqliteStoreOptions } from './sqlite-database.js';
import {
  fromThreadError,
  toThreadError,
  type ThreadCall,
  type ThreadReady,
  type ThreadReply,
} from './sqlite-thread-protocol.js';

/** Captured at load, so tests that fake timers after importing still see calls sent. */
const schedule = globalThis.setImmediate;

interface Pending {
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: Error) => void;
}

/**
 * Sends store calls to the database thread and settles them with its replies. Calls made during
 * one turn of the event loop travel in one message. The thread keeps the process alive only while
 * a call is waiting for its reply.
 */
export class SqliteThreadClient {
  readonly ready: Promise<void>;
  readonly #worker: Worker;
  readonly #pending = new Map<number, Pending>();
  #queue: ThreadCall[] = [];
  #nextId = 0;
  #failure: Error | null = null;

  constructor(options: SqliteStoreOptions) {
    this.#worker = spawnHost(options);
    this.#worker.unref();
    this.ready = new Promise((resolve, reject) => {
      this.#worker.once('message', (message: ThreadReady) => {
        if (message.ready) resolve();
        else reject(fromThreadError(message.error));
        this.#worker.on('message', (replies: readonly ThreadReply[]) => {
          this.#settle(replies);
        });
      });
      this.#worker.once('error', reject);
    });
    this.#worker.on('error', (error) => {
      this.#fail(error);
    });
    this.#worker.once('exit', (code) => {
      this.#fail(new Error(`The SQLite thread exited (code ${code})`));
    });
  }

  call<T>(method: string, args: readonly unknown[] = []): Promise<T> {
    if (this.#failure !== null) return Promise.reject(this.#failure);
    return new Promise<T>((resolve, reject) => {
      const id = this.#nextId++;
      this.#pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      if (this.#pending.size === 1) this.#worker.ref();
      if (this.#queue.length === 0) {
        schedule(() => {
          this.#send();
        });
      }
      this.#queue.push({ id, method, args });
    });
  }

  /** Resolves once the thread has ended. */
  async exited(): Promise<void> {
    if (this.#failure !== null) return;
    await new Promise((resolve) => this.#worker.once('exit', resolve));
  }

  #send(): void {
    const calls = this.#queue;
    this.#queue = [];
    if (calls.length === 0) return;
    try {
      this.#worker.postMessage(calls);
    } catch (error) {
      // A value that cannot be cloned fails its own batch, not the thread.
      const reason = error instanceof Error ? error : new Error(String(error));
      this.#settle(calls.map((call) => ({ id: call.id, ok: false, error: toThreadError(reason) })));
    }
  }

  #settle(replies: readonly ThreadReply[]): void {
    for (const reply of replies) {
      const pending = this.#pending.get(reply.id);
      if (pending === undefined) continue;
      this.#pending.delete(reply.id);
      if (reply.ok) pending.resolve(reply.value);
      else pending.reject(fromThreadError(reply.error));
    }
    if (this.#pending.size === 0) this.#worker.unref();
  }

  #fail(error: Error): void {
    this.#failure ??= error;
    for (const pending of this.#pending.values()) pending.reject(error);
    this.#pending.clear();
  }
}

/**
 * The host is this module's sibling in the form this module runs in: the compiled `.js` host, or,
 * run from TypeScript sources, the `.ts` one (the runner brings the loader: `vitest.setup.ts`).
 */
function spawnHost(workerData: SqliteStoreOptions): Worker {
  const extension = import.meta.url.endsWith('.ts') ? 'ts' : 'js';
  return new Worker(new URL(`./sqlite-thread-host.${extension}`, import.meta.url), { workerData });
}

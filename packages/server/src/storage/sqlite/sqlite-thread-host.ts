/**
 * The database thread's entry point: opens a {@link SqliteStore} and runs the operations that
 * `SqliteThreadStore` sends, each through its entry of {@link SQLITE_THREAD_HANDLERS}. Each
 * message is a batch of calls made during one turn of the caller's event loop; their writes
 * share one group commit, and one message answers them all. Every call is answered, with its
 * value or its error, whatever its arguments or result.
 */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { openSqliteStore, type SqliteStore, type SqliteStoreOptions } from './sqlite-store.js';
import { SQLITE_THREAD_HANDLERS } from './sqlite-thread-handlers.js';
import type { OperationName, ResultOf } from './sqlite-thread-operations.js';
import {
  pack,
  postBatch,
  toThreadError,
  unpack,
  type Packed,
  type ThreadCall,
  type ThreadLost,
  type ThreadReady,
  type ThreadReply,
} from './sqlite-thread-protocol.js';

if (parentPort === null) throw new Error('sqlite-thread-host runs as a worker thread only');
const port: MessagePort = parentPort;

let store: SqliteStore;
try {
  // The caller keeps the cache of unclaimed deliveries.
  store = await openSqliteStore({ ...storeOptions(workerData), rememberUnclaimed: false });
  port.postMessage({ ready: true } satisfies ThreadReady);
} catch (error) {
  port.postMessage({ ready: false, error: toThreadError(error) } satisfies ThreadReady);
  port.close();
}

port.on('message', (calls: readonly ThreadCall[]) => {
  void Promise.all(calls.map(run)).then((replies) => {
    postBatch(
      (batch) => {
        port.postMessage(batch);
      },
      replies,
      unsendable,
    );
    if (calls.some((call) => call.op === 'close')) port.close();
  });
});

port.on('messageerror', (error) => {
  port.postMessage({ lost: toThreadError(error) } satisfies ThreadLost);
});

/** A reply whose value cannot be cloned goes back as its call's error. */
function unsendable(reply: ThreadReply, error: unknown): void {
  const failed: ThreadReply = { id: reply.id, ok: false, error: toThreadError(error) };
  port.postMessage([failed]);
}

/** Never throws: arguments that cannot be read and results that cannot be sent fail this call only. */
async function run(call: ThreadCall): Promise<ThreadReply> {
  try {
    return { id: call.id, ok: true, value: await perform(call) };
  } catch (error) {
    return { id: call.id, ok: false, error: toThreadError(error) };
  }
}

async function perform<K extends OperationName>(call: ThreadCall<K>): Promise<Packed<ResultOf<K>>> {
  // Own entries only: a message naming no operation (or `constructor`) fails its own call.
  if (!Object.hasOwn(SQLITE_THREAD_HANDLERS, call.op))
    throw new Error(`No SQLite thread operation ${call.op}`);
  const handler = SQLITE_THREAD_HANDLERS[call.op];
  return pack(await handler(store, ...unpack(call.args)));
}

/** The options `SqliteThreadClient` passed as `workerData`, read back field by field. */
function storeOptions(data: unknown): SqliteStoreOptions {
  if (typeof data !== 'object' || data === null)
    throw new TypeError('sqlite-thread-host expects its store options as workerData');
  const filename: unknown = Reflect.get(data, 'filename');
  const busyTimeoutMs: unknown = Reflect.get(data, 'busyTimeoutMs');
  const maxPageCount: unknown = Reflect.get(data, 'maxPageCount');
  const checkpointOnCommit: unknown = Reflect.get(data, 'checkpointOnCommit');
  if (typeof filename !== 'string')
    throw new TypeError('sqlite-thread-host expects a filename in its store options');
  return {
    filename,
    ...(typeof busyTimeoutMs === 'number' ? { busyTimeoutMs } : {}),
    ...(typeof maxPageCount === 'number' ? { maxPageCount } : {}),
    ...(typeof checkpointOnCommit === 'boolean' ? { checkpointOnCommit } : {}),
  };
}

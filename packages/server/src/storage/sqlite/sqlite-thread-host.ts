/**
 * The database thread's entry point: opens a {@link SqliteStore} and runs the calls that
 * `SqliteThreadStore` sends. Each message is a batch of calls made during one turn of the
 * caller's event loop; their writes share one group commit, and one message answers them all.
 * Every call is answered, with its value or its error, whatever its arguments or result.
 */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { collectGarbage } from '../../memory/collect-garbage.js';
import { openSqliteStore, type SqliteStore, type SqliteStoreOptions } from './sqlite-store.js';
import {
  decodeValue,
  encodeValue,
  toThreadError,
  type ThreadCall,
  type ThreadReady,
  type ThreadReply,
} from './sqlite-thread-protocol.js';

if (parentPort === null) throw new Error('sqlite-thread-host runs as a worker thread only');
const port: MessagePort = parentPort;

const options = workerData as SqliteStoreOptions;
let store: SqliteStore;
try {
  // The caller keeps the cache of unclaimed deliveries.
  store = await openSqliteStore({ ...options, rememberUnclaimed: false });
  port.postMessage({ ready: true } satisfies ThreadReady);
} catch (error) {
  port.postMessage({ ready: false, error: toThreadError(error) } satisfies ThreadReady);
  port.close();
}

port.on('message', (calls: readonly ThreadCall[]) => {
  void Promise.all(calls.map(run)).then((replies) => {
    port.postMessage(replies);
    if (calls.some((call) => call.method === 'close')) port.close();
  });
});

/** Never throws: arguments that cannot be read and results that cannot be sent fail this call only. */
async function run(call: ThreadCall): Promise<ThreadReply> {
  try {
    const args = decodeValue(call.args) as readonly unknown[];
    return { id: call.id, ok: true, value: encodeValue(await invoke(call.method, args)) };
  } catch (error) {
    return { id: call.id, ok: false, error: toThreadError(error) };
  }
}

function invoke(methodName: string, args: readonly unknown[]): unknown {
  // This thread has a heap of its own, which only a collection run here can shrink.
  if (methodName === 'releaseMemory') return store.releaseMemory().then(collectGarbage);
  const [owner, name] = methodName.startsWith('inboxes.')
    ? [store.inboxes, methodName.slice('inboxes.'.length)]
    : [store, methodName];
  const method = (owner as unknown as Record<string, unknown>)[name];
  if (typeof method !== 'function') throw new Error(`No store method ${methodName}`);
  return (method as (...args: unknown[]) => unknown).apply(owner, [...args]);
}

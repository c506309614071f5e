/**
 * The database thread's entry point: opens a {@link SqliteStore} and runs the calls that
 * `SqliteThreadStore` sends. Each message is a batch of calls made during one turn of the
 * caller's event loop; their writes share one group commit, and one message answers them all.
 */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { collectGarbage } from '../../memory/collect-garbage.js';
import { openSqliteStore, type SqliteStore, type SqliteStoreOptions } from './sqlite-store.js';
import {
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
    reply(replies);
    if (calls.some((call) => call.method === 'close')) port.close();
  });
});

/** A result that cannot be cloned fails its own batch, not the thread. */
function reply(replies: readonly ThreadReply[]): void {
  try {
    port.postMessage(replies);
  } catch (error) {
    const failure = toThreadError(error);
    port.postMessage(replies.map(({ id }) => ({ id, ok: false, error: failure })));
  }
}

async function run(call: ThreadCall): Promise<ThreadReply> {
  try {
    return { id: call.id, ok: true, value: await invoke(call) };
  } catch (error) {
    return { id: call.id, ok: false, error: toThreadError(error) };
  }
}

function invoke(call: ThreadCall): unknown {
  // This thread has a heap of its own, which only a collection run here can shrink.
  if (call.method === 'releaseMemory') return store.releaseMemory().then(collectGarbage);
  const [owner, name] = call.method.startsWith('inboxes.')
    ? [store.inboxes, call.method.slice('inboxes.'.length)]
    : [store, call.method];
  const method = (owner as unknown as Record<string, unknown>)[name];
  if (typeof method !== 'function') throw new Error(`No store method ${call.method}`);
  return (method as (...args: unknown[]) => unknown).apply(owner, [...call.args]);
}

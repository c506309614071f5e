import { Session } from 'node:inspector';

/**
 * Runs a full, memory-reducing garbage collection of this thread's V8 heap and gives the freed
 * pages back to the system (what V8 does on a low-memory notification). Node offers no other
 * way without `--expose-gc`; the inspector session is in-process, opened only for the call, and
 * needs no debugger or port. Resolves false where the inspector is missing from the build.
 */
export function collectGarbage(): Promise<boolean> {
  let session: Session;
  try {
    session = new Session();
    session.connect();
  } catch {
    return Promise.resolve(false);
  }
  return new Promise((resolve) => {
    session.post('HeapProfiler.collectGarbage', (error) => {
      // Disconnecting inside the callback never returns on a worker thread (Node 20).
      setImmediate(() => {
        session.disconnect();
        resolve(error === null);
      });
    });
  });
}

import { performance, type EventLoopUtilization } from 'node:perf_hooks';
import type { Logger } from 'pino';
import type { StoreLifecycle } from '../../storage/store-lifecycle.js';
import { collectGarbage } from '../../support/collect-garbage.js';
import { IdleWatch, type IdleWatchOptions } from './idle-watch.js';

export interface IdleMemoryReleaseOptions extends IdleWatchOptions {
  readonly store: Pick<StoreLifecycle, 'releaseMemory'>;
  readonly logger: Logger;
  /** Length of one interval; default 5 s. */
  readonly intervalMs?: number;
}

/** Stops the watch; a release in progress finishes on its own. */
export type StopIdleMemoryRelease = () => void;

const INTERVAL_MS = 5_000;

/**
 * Gives memory back once a burst of work is over. Measured with `bench:soak`: after a burst, V8
 * kept the heap it had grown to (no collection at all in 20 s of idle) and SQLite kept its page
 * cache full, so RSS stayed at its peak. Here, once the event loop has been quiet for two
 * intervals after a busy one, this thread's heap is collected and the store is asked to release
 * its caches (SQLite: the page cache and its thread's heap). The pause of the full collection
 * falls in a quiet moment by construction. See docs/decisions.md.
 */
export function startIdleMemoryRelease(options: IdleMemoryReleaseOptions): StopIdleMemoryRelease {
  const watch = new IdleWatch(options);
  let last: EventLoopUtilization = performance.eventLoopUtilization();
  let releasing = false;
  const timer = setInterval(() => {
    const now = performance.eventLoopUtilization();
    const { utilization } = performance.eventLoopUtilization(now, last);
    last = now;
    if (!watch.interval(utilization) || releasing) return;
    releasing = true;
    void release(options).finally(() => {
      releasing = false;
    });
  }, options.intervalMs ?? INTERVAL_MS);
  timer.unref();
  return () => {
    clearInterval(timer);
  };
}

async function release({ store, logger }: IdleMemoryReleaseOptions): Promise<void> {
  try {
    const before = process.memoryUsage.rss();
    await store.releaseMemory?.();
    await collectGarbage();
    logger.debug({ rssBefore: before, rssAfter: process.memoryUsage.rss() }, 'memory released');
  } catch (error) {
    logger.warn({ err: error }, 'memory release failed');
  }
}

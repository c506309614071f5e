import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from 'pino';
import type { PruneResult, RetentionStore } from '../../storage/retention-store.js';

export interface RetentionOptions {
  readonly store: RetentionStore;
  /** Finished deliveries and their events are kept this long after they finished. */
  readonly retentionMs: number;
  readonly logger: Logger;
  /** Epoch ms; default `Date.now`. */
  readonly now?: () => number;
  /** Rows per transaction; default 1 000, so no batch holds the write lock for long. */
  readonly batchSize?: number;
  /** Pause between batches, letting claims and completions in; default 20 ms. */
  readonly pauseMs?: number;
  /** Wait between sweeps once caught up; default 60 s. */
  readonly intervalMs?: number;
}

/** A background sweep that deletes what `--retention` no longer keeps. */
export interface RetentionPruner {
  /** Runs one full sweep now (batches until caught up); resolves with the totals. */
  sweep(): Promise<PruneResult>;
  /** Stops sweeping; resolves once the batch in progress (if any) has committed. */
  stop(): Promise<void>;
}

/** Starts sweeping at once and then every `intervalMs`. */
export function startRetentionPruner(options: RetentionOptions): RetentionPruner {
  const stop = new AbortController();
  const sweep = (): Promise<PruneResult> => sweepAll(options, stop.signal);
  const loop = runLoop(options, sweep, stop.signal);
  return {
    sweep,
    stop: async () => {
      stop.abort();
      await loop;
    },
  };
}

async function runLoop(
  options: RetentionOptions,
  sweep: () => Promise<PruneResult>,
  signal: AbortSignal,
): Promise<void> {
  while (!signal.aborted) {
    try {
      await sweep();
    } catch (error) {
      options.logger.error({ err: error }, 'retention sweep failed');
    }
    await sleep(options.intervalMs ?? 60_000, undefined, { signal }).catch(() => undefined);
  }
}

/** Batches until one comes back short; each batch is its own transaction. */
async function sweepAll(options: RetentionOptions, signal: AbortSignal): Promise<PruneResult> {
  const limit = options.batchSize ?? 1_000;
  const total = { deliveries: 0, attempts: 0, events: 0 };
  for (;;) {
    const before = (options.now ?? Date.now)() - options.retentionMs;
    const batch = await options.store.pruneFinished(before, limit);
    total.deliveries += batch.deliveries;
    total.attempts += batch.attempts;
    total.events += batch.events;
    if ((batch.deliveries < limit && batch.events < limit) || signal.aborted) break;
    await sleep(options.pauseMs ?? 20);
  }
  if (total.deliveries + total.events > 0) options.logger.info(total, 'retention pruned');
  return total;
}

import type { Logger } from 'pino';
import type { ServerConfig } from './config/server-config.js';
import { createLogger } from './create-logger.js';
import { createDeliveryWorker, type DeliveryWorker } from './delivery/delivery-worker.js';
import { openStore } from './storage/open-store.js';
import type { Store } from './storage/store.js';
import { workerOwner } from './worker-owner.js';

export interface RunningWorker {
  readonly owner: string;
  /** Stops claiming, lets tries in flight finish (up to the grace period), closes the store. */
  close(): Promise<void>;
}

export interface StartOptions {
  readonly logger?: Logger;
}

/** `switchboard worker`: the delivery worker alone, on a store that API servers share. */
export async function startWorker(
  config: ServerConfig,
  options: StartOptions = {},
): Promise<RunningWorker> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const store = await openMigratedStore(config);
  const owner = workerOwner();
  const worker = buildWorker(config, store, owner, logger);
  worker.start();
  logger.info({ owner, dialect: store.dialect }, 'delivery worker started');
  return { owner, close: once(() => stopAll(config, worker, store)) };
}

/** Opens the configured store and brings its schema up to date. */
export async function openMigratedStore(config: ServerConfig): Promise<Store> {
  const store = await openStore({
    databaseUrl: config.databaseUrl ?? undefined,
    dataDir: config.dataDir,
  });
  try {
    await store.migrate();
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}

/** A delivery worker with the configured engine settings. */
export function buildWorker(
  config: ServerConfig,
  store: Store,
  owner: string,
  logger: Logger,
): DeliveryWorker {
  return createDeliveryWorker({
    store,
    owner,
    logger: logger.child({ component: 'delivery' }),
    defaultTimeoutMs: config.webhookTimeoutMs,
    ...(config.retrySchedule === null ? {} : { schedule: config.retrySchedule }),
    ...(config.concurrency === null ? {} : { concurrency: config.concurrency }),
    ...(config.perOriginConcurrency === null
      ? {}
      : { perOriginConcurrency: config.perOriginConcurrency }),
  });
}

/** Stops the worker first so its last attempt records still reach the store. */
export async function stopAll(
  config: ServerConfig,
  worker: DeliveryWorker,
  store: Store,
): Promise<void> {
  try {
    await worker.stop({ graceMs: config.shutdownGraceMs });
  } finally {
    await store.close();
  }
}

/** Runs `task` at most once; later calls share its promise (double signals, test teardown). */
export function once(task: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | null = null;
  return () => (running ??= task());
}

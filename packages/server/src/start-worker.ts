import type { Logger } from 'pino';
import type { ServerConfig } from './ops/config/server-config.js';
import { createLogger } from './ops/create-logger.js';
import { createWebhookDispatcher } from './engine/delivery-dispatcher/create-webhook-dispatcher.js';
import {
  closeDispatcher,
  createDeliveryWorker,
  STOP_STEP_MS,
  type DeliveryWorker,
  type DeliveryWorkerOptions,
  type WorkerStore,
} from './engine/delivery/delivery-worker.js';
import { createServerOperations, type WorkerHooks } from './ops/operations/server-operations.js';
import { endsWithin } from './support/settle-within.js';
import { openStore } from './storage/open-store.js';
import { trackStorageFaults, type StorageFault } from './storage/storage-faults.js';
import type { Store } from './storage/store.js';
import type { StoreLifecycle } from './storage/store-lifecycle.js';
import { workerOwner } from './ops/worker-owner.js';

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
  const store = await openConfiguredStore(config, logger);
  const owner = workerOwner();
  const ops = createServerOperations(config, store, logger);
  let worker: DeliveryWorker;
  try {
    worker = buildWorker(config, store, owner, logger, ops.workerHooks);
    await ops.start();
  } catch (error) {
    // A bad --webhook-ca-file or a taken --metrics-port fails here: leave no lock behind.
    await ops.close();
    await store.close();
    throw error;
  }
  worker.start();
  logger.info({ owner, dialect: store.dialect }, 'delivery worker started');
  const stop = async (): Promise<void> => {
    await endsWithin(ops.close(), STOP_STEP_MS);
    await stopAll(config, worker, store);
  };
  return { owner, close: once(stop) };
}

/**
 * Opens the configured store (`openStore` brings its schema up to date), watched for storage
 * faults: a full disk or a read-only database is answered 507 / 503, shown on /health and logged
 * once when it starts and once when writes succeed again.
 */
export async function openConfiguredStore(config: ServerConfig, logger: Logger): Promise<Store> {
  const store = await openStore({
    databaseUrl: config.databaseUrl ?? undefined,
    dataDir: config.dataDir,
  });
  return trackStorageFaults(store, Date.now, storageFaultLog(logger));
}

function storageFaultLog(logger: Logger): (fault: StorageFault | null, cause: unknown) => void {
  return (fault, cause) => {
    if (fault === null) logger.info('storage takes writes again');
    else logger.error({ err: cause, fault: fault.kind }, 'storage refuses writes');
  };
}

/** A delivery worker with the configured engine settings. */
export function buildWorker(
  config: ServerConfig,
  store: WorkerStore,
  owner: string,
  logger: Logger,
  hooks: WorkerHooks & Pick<DeliveryWorkerOptions, 'onRoundResult'> = {},
): DeliveryWorker {
  const dispatcher = createWebhookDispatcher({
    caFile: config.webhookCaFile,
    egress: config.egress,
    ...(config.perOriginConcurrency === null ? {} : { connections: config.perOriginConcurrency }),
  });
  const worker = createDeliveryWorker({
    store,
    owner,
    dispatcher,
    ...hooks,
    logger: logger.child({ component: 'delivery' }),
    defaultTimeoutMs: config.webhookTimeoutMs,
    ...(config.retrySchedule === null ? {} : { schedule: config.retrySchedule }),
    ...(config.leaseMs === null ? {} : { leaseMs: config.leaseMs }),
    ...(config.concurrency === null ? {} : { concurrency: config.concurrency }),
    ...(config.perOriginConcurrency === null
      ? {}
      : { perOriginConcurrency: config.perOriginConcurrency }),
  });
  return closingDispatcher(worker, () => closeDispatcher(dispatcher, STOP_STEP_MS));
}

/** A worker does not close a dispatcher it was given, so its stop does it here. */
function closingDispatcher(worker: DeliveryWorker, close: () => Promise<void>): DeliveryWorker {
  return {
    handoff: worker.handoff,
    start: () => {
      worker.start();
    },
    wake: () => {
      worker.wake();
    },
    stop: async (options) => {
      try {
        await worker.stop(options);
      } finally {
        await close();
      }
    },
  };
}

/**
 * Stops the worker first so its last attempt records still reach the store. Each step has a
 * deadline, so this ends a few seconds past the grace period even when a try or a store call
 * is stuck.
 */
export async function stopAll(
  config: ServerConfig,
  worker: DeliveryWorker,
  store: Pick<StoreLifecycle, 'close'>,
): Promise<void> {
  try {
    await worker.stop({ graceMs: config.shutdownGraceMs });
  } finally {
    await closeStoreWithin(store);
  }
}

/** Longest wait for the store to close (a PostgreSQL pool whose query never ends, say). */
export const STORE_CLOSE_MS = 1_500;

/** Closes the store; if it does not answer in time, it is left to the process's end. */
export async function closeStoreWithin(store: Pick<StoreLifecycle, 'close'>): Promise<void> {
  await endsWithin(store.close(), STORE_CLOSE_MS);
}

/** Runs `task` at most once; later calls share its promise (double signals, test teardown). */
export function once(task: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | null = null;
  return () => (running ??= task());
}

import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { hashSecret } from '../../engine/accounts/api-key.js';
import {
  startIdleMemoryRelease,
  type StopIdleMemoryRelease,
} from '../memory/idle-memory-release.js';
import type { RouteRegistrar } from '../../http/api/create-app.js';
import type { ServerConfig } from '../config/server-config.js';
import type { DeliveryWorkerOptions } from '../../engine/delivery/delivery-worker.js';
import { attemptLogger } from '../../engine/delivery/attempt-log.js';
import { fixedShapeLogger } from '../../support/fixed-shape-logger.js';
import { metricsRoutes } from '../metrics/metrics-routes.js';
import { startMetricsServer, type MetricsServer } from '../metrics/metrics-server.js';
import { createServerMetrics, type ServerMetrics } from '../metrics/server-metrics.js';
import { rateLimitHook } from '../../http/rate-limit/rate-limit-hook.js';
import {
  startRetentionPruner,
  type RetentionPruner,
} from '../../engine/retention/retention-pruner.js';
import { signingKeyRoutes } from '../../http/signing-keys/signing-key-routes.js';
import type { Store } from '../../storage/store.js';

/** The worker hooks that feed metrics and attempt logs. */
export type WorkerHooks = Pick<DeliveryWorkerOptions, 'onAttempt' | 'onRound'>;

/**
 * The production concerns of one process (metrics, attempt logs, retention, rate limits, key
 * rotation), built from the config and handed to the composition root in pieces.
 */
export interface ServerOperations {
  readonly metrics: ServerMetrics;
  readonly workerHooks: WorkerHooks;
  /** Routes outside the API-key scope (`/metrics`, admin token). */
  readonly publicRoutes: readonly ((app: FastifyInstance) => void)[];
  /** Hooks and routes inside the API-key scope. */
  readonly routes: readonly RouteRegistrar[];
  /** Starts the `--metrics-port` listener, the retention sweep and the idle memory release. */
  start(): Promise<{ readonly metricsUrl: string | null }>;
  /** Stops both; safe before `start` and twice. */
  close(): Promise<void>;
}

export function createServerOperations(
  config: ServerConfig,
  store: Store,
  logger: Logger,
): ServerOperations {
  const metrics = createServerMetrics({ store });
  const logAttempt = attemptLogger(fixedShapeLogger(logger.child({ component: 'delivery' })));
  const adminHash = config.adminToken === null ? null : hashSecret(config.adminToken);
  let metricsServer: MetricsServer | null = null;
  let pruner: RetentionPruner | null = null;
  let stopMemoryRelease: StopIdleMemoryRelease | null = null;
  return {
    metrics,
    workerHooks: {
      onAttempt: (attempt, delivery) => {
        metrics.onAttempt(attempt, delivery);
        logAttempt(attempt, delivery);
      },
      onRound: metrics.onRound,
    },
    publicRoutes: [metricsRoutes(metrics, adminHash)],
    routes: [
      ...(config.rateLimit === null ? [] : [rateLimitHook(config.rateLimit)]),
      signingKeyRoutes(config.signingKeyOverlap),
    ],
    start: async () => {
      stopMemoryRelease ??= startIdleMemoryRelease({ store, logger });
      if (config.retention !== null) {
        pruner = startRetentionPruner({ store, retentionMs: config.retention, logger });
      }
      if (config.metricsPort === null) return { metricsUrl: null };
      metricsServer = await startMetricsServer(metrics, config.host, config.metricsPort, logger);
      return { metricsUrl: metricsServer.url };
    },
    close: async () => {
      stopMemoryRelease?.();
      stopMemoryRelease = null;
      await Promise.all([pruner?.stop(), metricsServer?.close()]);
      pruner = null;
      metricsServer = null;
    },
  };
}

import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { hashSecret } from './engine/accounts/api-key.js';
import { ensureDefaultAccount } from './engine/accounts/ensure-default-account.js';
import { keyFilePath } from './engine/accounts/key-file.js';
import { DEFAULT_BODY_LIMIT } from './http/api/app-deps.js';
import { createApp, type RouteRegistrar } from './http/api/create-app.js';
import type { ServerConfig } from './ops/config/server-config.js';
import { createLogger } from './ops/create-logger.js';
import { recordingRoutes } from './emulator/calls/call-routes.js';
import { mediaPlaneFor } from './emulator/media/media-plane-for.js';
import { callAudioSocketRoutes } from './emulator/media/call-audio-socket.js';
import { callDashboardRoutes } from './emulator/calls/call-dashboard-routes.js';
import { dashboardRoutes } from './http/dashboard/dashboard-routes.js';
import { emulatorRoutes, type EmulatorOptions } from './emulator/emulator-routes.js';
import { createWebhookDispatcher } from './engine/delivery-dispatcher/create-webhook-dispatcher.js';
import { createInboxModule } from './inbox/inbox-module.js';
import { requestLimits } from './http/net/request-limits.js';
import { RoundReplies } from './engine/delivery/round-replies.js';
import { createServerOperations } from './ops/operations/server-operations.js';
import {
  closeDispatcher,
  STOP_STEP_MS,
  type DeliveryWorker,
} from './engine/delivery/delivery-worker.js';
import type { Store } from './storage/store.js';
import { startHttpsListener, type HttpsListener } from './ops/tls/https-listener.js';
import { loadTlsMaterial } from './ops/tls/tls-material.js';
import {
  buildWorker,
  closeStoreWithin,
  once,
  openConfiguredStore,
  stopAll,
  type StartOptions,
} from './start-worker.js';
import { appListener, closeListenersWithin } from './ops/http-shutdown.js';
import { endsWithin } from './support/settle-within.js';
import { workerOwner } from './ops/worker-owner.js';

/** A running `switchboard serve`. */
export interface RunningServer {
  /** Base URL of the server, e.g. `http://127.0.0.1:7700`; the Telnyx API is under `/v2`. */
  readonly url: string;
  readonly accountId: string;
  /** The default account's API key, when known (see docs/server.md). */
  readonly apiKey: string | null;
  /** Path of the file holding the default account's key. */
  readonly apiKeyFile: string;
  /** Base64 of the default account's raw 32-byte Ed25519 public key. */
  readonly publicKey: string;
  /** True when this start made the default account. */
  readonly created: boolean;
  readonly dialect: Store['dialect'];
  /** The HTTPS listener of `--tls`, or null. */
  readonly tls: RunningTls | null;
  /** The unauthenticated `--metrics-port` endpoint, or null. */
  readonly metricsUrl: string | null;
  /** Stops accepting requests, drains the worker, closes the store. Safe to call twice. */
  close(): Promise<void>;
}

/** The HTTPS side of a server started with `tls`. */
export interface RunningTls {
  /** e.g. `https://localhost:7443`. */
  readonly url: string;
  readonly port: number;
  /** The certificate a client must trust (`NODE_EXTRA_CA_CERTS`). */
  readonly certFile: string;
  /** True when Switchboard generated the certificate into the data dir. */
  readonly selfSigned: boolean;
}

export interface StartServerOptions extends StartOptions {
  /** Extra authenticated routes, beside the built-in API and emulator. */
  readonly routes?: readonly RouteRegistrar[];
  /** Emulator settings (call timings, TeXML limits); tests pass small delays. */
  readonly emulator?: Omit<EmulatorOptions, 'baseUrl'>;
}

/**
 * The composition root: store → default account → delivery worker → HTTP API. Anything that
 * fails half-way closes what was already opened, so a failed start leaves no locks behind.
 */
export async function startServer(
  config: ServerConfig,
  options: StartServerOptions = {},
): Promise<RunningServer> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const store = await openConfiguredStore(config, logger);
  const ops = createServerOperations(config, store, logger);
  let worker: DeliveryWorker | null = null;
  let app: FastifyInstance | null = null;
  let https: HttpsListener | null = null;
  let url = `http://${config.host}:${config.port}`;
  try {
    const account = await ensureDefaultAccount(store, {
      dataDir: config.dataDir,
      apiKey: config.apiKey,
      now: Date.now(),
    });
    // TeXML reads the replies of its instruction fetches from the worker's rounds.
    const replies = new RoundReplies();
    worker = buildWorker(config, store, workerOwner(), logger, {
      ...ops.workerHooks,
      onRoundResult: replies.roundEnded,
    });
    // Replays sent by the API obey the same CA file and egress guard as deliveries.
    const replayDispatcher = createWebhookDispatcher({
      caFile: config.webhookCaFile,
      egress: config.egress,
    });
    const inbox = createInboxModule({
      store,
      baseUrl: () => url,
      onCaptured: ops.metrics.inboxCaptured,
    });
    const media = mediaPlaneFor(config, replayDispatcher, logger, store);
    app = createApp(
      {
        store,
        worker,
        logger,
        adminTokenHash: config.adminToken === null ? null : hashSecret(config.adminToken),
        webhookDispatcher: replayDispatcher,
        requestTimeoutMs: config.requestTimeoutMs,
      },
      [
        emulatorRoutes({
          ...options.emulator,
          replies,
          baseUrl: () => url,
          calls: { ...options.emulator?.calls, media },
        }),
        callDashboardRoutes(),
        inbox.routes,
        ...ops.routes,
        ...(options.routes ?? []),
      ],
      [
        recordingRoutes(media.recordings),
        callAudioSocketRoutes(media),
        dashboardRoutes(),
        inbox.publicRoutes,
        ...ops.publicRoutes,
      ],
    );
    app.addHook('onClose', async () => {
      await closeDispatcher(replayDispatcher, STOP_STEP_MS);
    });
    await app.listen({ host: config.host, port: config.port });
    url = baseUrl(app.server.address() as AddressInfo);
    const tls = config.tls ? await startTls(config, app) : null;
    https = tls?.listener ?? null;
    worker.start();
    const { metricsUrl } = await ops.start();
    const running = { app, worker, https };
    return {
      url,
      accountId: account.account.id,
      apiKey: account.apiKey,
      apiKeyFile: keyFilePath(config.dataDir),
      publicKey: account.publicKey,
      created: account.created,
      dialect: store.dialect,
      tls: tls?.info ?? null,
      metricsUrl,
      close: once(() => stopServer(config, running, ops, store)),
    };
  } catch (error) {
    await ops.close();
    await https?.close();
    await app?.close();
    await (worker === null ? store.close() : stopAll(config, worker, store));
    throw error;
  }
}

/**
 * Stops a running server within its grace period plus a few seconds, whatever is stuck: API
 * requests and tries in flight share the grace period (HTTP and the worker stop side by side),
 * then connections are cut, tries aborted and each store step given a deadline. The store
 * closes last, once nothing uses it.
 */
async function stopServer(
  config: ServerConfig,
  running: { app: FastifyInstance; worker: DeliveryWorker; https: HttpsListener | null },
  ops: { close(): Promise<void> },
  store: Store,
): Promise<void> {
  const graceMs = config.shutdownGraceMs;
  const listeners = [appListener(running.app), ...(running.https === null ? [] : [running.https])];
  try {
    await Promise.all([
      closeListenersWithin(listeners, graceMs),
      endsWithin(ops.close(), graceMs + STOP_STEP_MS),
      running.worker.stop({ graceMs }),
    ]);
  } finally {
    await closeStoreWithin(store);
  }
}

/** The HTTPS listener on `tlsPort`, beside the plain one, serving the same app. */
async function startTls(
  config: ServerConfig,
  app: FastifyInstance,
): Promise<{ listener: HttpsListener; info: RunningTls }> {
  const material = await loadTlsMaterial({
    dataDir: config.dataDir,
    certFile: config.tlsCert,
    keyFile: config.tlsKey,
    now: new Date(),
  });
  const limits = requestLimits(DEFAULT_BODY_LIMIT, config.requestTimeoutMs);
  const listener = await startHttpsListener(app, material, {
    host: config.host,
    port: config.tlsPort,
    limits,
  });
  const { url, port } = listener;
  return {
    listener,
    info: { url, port, certFile: material.certFile, selfSigned: material.selfSigned },
  };
}

/** A URL a local client can use: a wildcard bind address is reached through loopback. */
function baseUrl(address: AddressInfo): string {
  const wildcard = address.address === '0.0.0.0' || address.address === '::';
  const host = wildcard ? '127.0.0.1' : address.address;
  return `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
}

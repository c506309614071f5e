import Fastify, {
  LogController,
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
} from 'fastify';
import { RouteNotFoundError } from '../../support/errors/api-error.js';
import { registerOpenApiRoute, useOpenApi } from '../openapi/openapi-document.js';
import { useDeclarations } from '../use-declarations.js';
import { SERVER_VERSION } from '../server-version.js';
import { toErrorResponse } from '../to-error-response.js';
import { fixedShapeLogger } from '../../support/fixed-shape-logger.js';
import { lazyChildLogger } from './lazy-child-logger.js';
import { clientErrorReply } from '../net/client-error-reply.js';
import { serverTimeouts } from '../net/request-limits.js';
import { needsApiKey } from './api-key-gate.js';
import { appContext, type AppDeps } from './app-deps.js';
import { createAuthenticator } from './authenticator.js';
import { registerAdminRoutes, registerPublicKeyRoute } from './routes/account-routes.js';
import { registerAccountSettingsRoutes } from './routes/account-settings-routes.js';
import { registerCallControlApplicationRoutes } from './routes/call-control-application-routes.js';
import { registerDeliveryReplayRoutes } from './routes/delivery-replay-routes.js';
import { registerDeliveryStatsRoutes } from './routes/delivery-stats-routes.js';
import { registerEventBatchRoutes } from './routes/event-batch-routes.js';
import { registerEventRoutes } from './routes/event-routes.js';
import { useJsonBodyParser } from './request-body/json-body-parser.js';
import { refuseNulInUrl } from './request-url.js';
import { registerHealthRoutes } from './routes/health-routes.js';
import type { RouteContext } from './routes/route-context.js';
import { registerWebhookDeliveryRoutes } from './routes/webhook-delivery-routes.js';
import { registerWebhookReplayRoutes } from './routes/webhook-replay-routes.js';

/** Extra routes from other modules (the emulator), registered inside the authenticated scope. */
export type RouteRegistrar = (app: FastifyInstance, ctx: RouteContext) => void;

/**
 * Builds the HTTP API. No globals: everything it touches comes from `deps`, so tests run it
 * with `app.inject()` and several instances can live in one process.
 */
export function createApp(
  deps: AppDeps,
  extraRoutes: readonly RouteRegistrar[] = [],
  publicRoutes: readonly ((app: FastifyInstance) => void)[] = [],
): FastifyInstance {
  const base = appContext(deps);
  const ctx: RouteContext = { ...base, auth: createAuthenticator(base.store, base.adminTokenHash) };
  // Widened to Fastify's base logger so route modules take a plain FastifyInstance.
  const logger: FastifyBaseLogger = base.logger;
  const app = Fastify({
    loggerInstance: logger,
    bodyLimit: base.bodyLimit,
    // One line per request, written by the onResponse hook below, instead of Fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
    childLoggerFactory: lazyChildLogger,
    // Bad URLs and over-long path parameters are refused before routing; they get the envelope too.
    frameworkErrors: (error, request, reply) => {
      void sendError(ctx, error, request, reply);
    },
    clientErrorHandler: clientErrorReply(base.requestLimits),
    requestTimeout: base.requestLimits.requestTimeoutMs,
    http: serverTimeouts(base.requestLimits),
  });
  installDeclarations(app);
  // Before any route, so that routes registered later are behind it as well.
  app.addHook('onRequest', async (request) => {
    if (needsApiKey(request.url)) await ctx.auth.authenticate(request);
    refuseNulInUrl(request.url);
  });
  // A body-less request with `content-type: application/json` reads as if the header were absent.
  useJsonBodyParser(app, 'absent');
  installErrorHandling(app, ctx);
  installRequestLog(app);
  // Every route is registered in plugins after the OpenAPI collector, so the document sees it.
  void app.register((open, _options, done) => {
    registerOpenApiRoute(open);
    registerHealthRoutes(open, base.store);
    registerAdminRoutes(open, ctx);
    for (const register of publicRoutes) register(open);
    done();
  });
  void app.register((scope, _options, done) => {
    // Routes registered here outside the API's paths still need the key; the gate above took
    // care of every other request.
    scope.addHook('onRequest', async (request) => {
      if (!needsApiKey(request.url)) await ctx.auth.authenticate(request);
    });
    registerAuthenticatedRoutes(scope, ctx, extraRoutes);
    done();
  });
  return app;
}

/** Routes are declared with TypeBox schemas, and the OpenAPI document is generated from them. */
function installDeclarations(app: FastifyInstance): void {
  useDeclarations(app);
  useOpenApi(app, SERVER_VERSION);
}

function registerAuthenticatedRoutes(
  scope: FastifyInstance,
  ctx: RouteContext,
  extraRoutes: readonly RouteRegistrar[],
): void {
  registerPublicKeyRoute(scope, ctx);
  registerAccountSettingsRoutes(scope, ctx);
  registerCallControlApplicationRoutes(scope, ctx);
  registerEventRoutes(scope, ctx);
  registerEventBatchRoutes(scope, ctx);
  registerWebhookDeliveryRoutes(scope, ctx);
  registerDeliveryStatsRoutes(scope, ctx);
  registerDeliveryReplayRoutes(scope, ctx);
  registerWebhookReplayRoutes(scope, ctx);
  for (const register of extraRoutes) register(scope, ctx);
}

function installErrorHandling(app: FastifyInstance, ctx: RouteContext): void {
  app.setErrorHandler((error, request, reply) => sendError(ctx, error, request, reply));
  app.setNotFoundHandler((request) => {
    throw new RouteNotFoundError(request.method, pathOf(request.url));
  });
}

/** The path of a request URL, without its query. */
function pathOf(url: string): string {
  const query = url.indexOf('?');
  return query < 0 ? url : url.slice(0, query);
}

function installRequestLog(app: FastifyInstance): void {
  const lines = fixedShapeLogger(app.log);
  app.addHook('onResponse', (request, reply, done) => {
    lines.info(
      {
        reqId: request.id,
        method: request.method,
        url: request.url,
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
      },
      'request',
    );
    done();
  });
}

function sendError(
  ctx: RouteContext,
  error: unknown,
  request: FastifyRequest,
  reply: FastifyReply,
): FastifyReply {
  const response = toErrorResponse(error, ctx.bodyLimit);
  if (response.fault) request.log.error({ err: error }, 'request failed');
  return reply.status(response.status).send(response.body);
}

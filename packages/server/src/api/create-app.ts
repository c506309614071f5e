import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { NotFoundError } from '../errors/api-error.js';
import { toErrorResponse } from '../errors/to-error-response.js';
import { appContext, type AppDeps } from './app-deps.js';
import { createAuthenticator } from './authenticator.js';
import { registerAdminRoutes, registerPublicKeyRoute } from './routes/account-routes.js';
import { registerAccountSettingsRoutes } from './routes/account-settings-routes.js';
import { registerCallControlApplicationRoutes } from './routes/call-control-application-routes.js';
import { registerDeliveryReplayRoutes } from './routes/delivery-replay-routes.js';
import { registerDeliveryStatsRoutes } from './routes/delivery-stats-routes.js';
import { registerEventRoutes } from './routes/event-routes.js';
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
  });
  installErrorHandling(app, ctx);
  installRequestLog(app);
  registerHealthRoutes(app, base.store);
  registerAdminRoutes(app, ctx);
  for (const register of publicRoutes) register(app);
  void app.register((scope, _options, done) => {
    scope.addHook('onRequest', ctx.auth.authenticate);
    registerAuthenticatedRoutes(scope, ctx, extraRoutes);
    done();
  });
  return app;
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
  registerWebhookDeliveryRoutes(scope, ctx);
  registerDeliveryStatsRoutes(scope, ctx);
  registerDeliveryReplayRoutes(scope, ctx);
  registerWebhookReplayRoutes(scope, ctx);
  for (const register of extraRoutes) register(scope, ctx);
}

function installErrorHandling(app: FastifyInstance, ctx: RouteContext): void {
  app.setErrorHandler((error, request, reply) => {
    const response = toErrorResponse(error, ctx.bodyLimit);
    if (response.fault) request.log.error({ err: error }, 'request failed');
    return reply.status(response.status).send(response.body);
  });
  app.setNotFoundHandler(() => {
    throw new NotFoundError();
  });
}

function installRequestLog(app: FastifyInstance): void {
  app.addHook('onResponse', (request, reply, done) => {
    request.log.info(
      {
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

import type { FastifyInstance } from 'fastify';
import type { RouteRegistrar } from '../http/api/create-app.js';
import { registerCaptureRoutes } from './capture-route.js';
import { inboxContext, type InboxDeps } from './inbox-context.js';
import { inboxRoutes } from './inbox-routes.js';

/** The two halves of the inbox feature, sharing one relay hub and rate limiter. */
export interface InboxModule {
  /** The public capture URLs: pass in `createApp`'s `publicRoutes`. */
  readonly publicRoutes: (app: FastifyInstance) => void;
  /** The authenticated inbox API: pass in `createApp`'s `extraRoutes`. */
  readonly routes: RouteRegistrar;
}

export function createInboxModule(deps: InboxDeps): InboxModule {
  const ctx = inboxContext(deps);
  return {
    publicRoutes: (app) => {
      registerCaptureRoutes(app, ctx);
    },
    routes: inboxRoutes(ctx),
  };
}

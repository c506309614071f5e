import { ErrorEnvelope, NonJsonResponse } from '@switchboard/core/contract';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { NotFoundError, RouteNotFoundError } from '../../support/errors/api-error.js';
import { loadDashboardFiles, type DashboardFile } from './dashboard-files.js';

/** Paths the API owns: unknown ones keep the API's JSON 404, never the dashboard's page. */
const API_PREFIXES = ['/v2', '/switchboard', '/health', '/metrics'];

export interface DashboardRouteOptions {
  /** Folder of the build; default the committed `dashboard-dist`. */
  readonly root?: string;
}

/**
 * Serves the dashboard at `/` without auth (it holds no data: every figure comes from the API
 * with the user's key). Unknown non-API GET paths get `index.html`, so deep links like
 * `/deliveries/{id}` load the app, which routes on the client.
 */
export function dashboardRoutes(
  options: DashboardRouteOptions = {},
): (app: FastifyInstance) => void {
  return (app) => {
    let files: Promise<ReadonlyMap<string, DashboardFile>> | null = null;
    const load = () => (files ??= loadDashboardFiles(options.root));
    const schema = (summary: string) => ({
      summary,
      tags: ['dashboard'],
      response: {
        200: NonJsonResponse('A file of the dashboard (HTML, script, style, image)', 'text/html'),
        '4xx': ErrorEnvelope,
      },
    });
    app.get(
      '/*',
      { schema: schema('A dashboard file, or its page for a deep link') },
      async (request, reply) => serve(await load(), request, reply),
    );
    app.get('/', { schema: schema('The dashboard') }, async (request, reply) =>
      serve(await load(), request, reply),
    );
  };
}

function serve(
  files: ReadonlyMap<string, DashboardFile>,
  request: FastifyRequest,
  reply: FastifyReply,
): FastifyReply {
  const path = decodeURIComponent(new URL(request.url, 'http://x').pathname);
  if (isApiPath(path)) throw new RouteNotFoundError(request.method, path);
  const file =
    files.get(path) ?? (path.startsWith('/assets/') ? undefined : files.get('/index.html'));
  if (file === undefined) throw new NotFoundError();
  return reply
    .header('cache-control', file.immutable ? 'public, max-age=31536000, immutable' : 'no-cache')
    .header('x-content-type-options', 'nosniff')
    .header('referrer-policy', 'no-referrer')
    .header('content-security-policy', CSP)
    .type(file.type)
    .send(file.body);
}

/** Same-origin only: the dashboard loads nothing from elsewhere, so nothing else may run. */
const CSP =
  "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

function isApiPath(path: string): boolean {
  return API_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}

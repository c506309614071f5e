import { ErrorEnvelope, NonJsonResponse } from '@switchboard/core/contract';
import type { FastifyInstance } from 'fastify';
import { hashSecret, hashesMatch } from '../../engine/accounts/api-key.js';
import { AuthenticationError, ForbiddenError } from '../../support/errors/api-error.js';
import type { ServerMetrics } from './server-metrics.js';

/**
 * `GET /metrics` on the main port. Metrics reveal traffic across every account, so only the
 * admin token (`SWITCHBOARD_ADMIN_TOKEN`) may read them; `--metrics-port` serves them unauthenticated.
 */
export function metricsRoutes(
  metrics: ServerMetrics,
  adminTokenHash: string | null,
): (app: FastifyInstance) => void {
  return (app) => {
    const schema = {
      summary: 'Prometheus metrics of the whole server (admin token only)',
      tags: ['operations'],
      response: {
        200: NonJsonResponse('Prometheus text exposition format', 'text/plain'),
        '4xx': ErrorEnvelope,
      },
    };
    app.get('/metrics', { schema }, async (request, reply) => {
      if (adminTokenHash === null) {
        throw new ForbiddenError('/metrics needs SWITCHBOARD_ADMIN_TOKEN, or use --metrics-port.');
      }
      const token = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '')?.[1];
      if (token === undefined || !hashesMatch(hashSecret(token), adminTokenHash)) {
        throw new AuthenticationError();
      }
      return reply.type(metrics.registry.contentType).send(await metrics.scrape());
    });
  };
}

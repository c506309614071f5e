import { ErrorEnvelope, HealthDegraded, HealthOk } from '@switchboard/core/contract';
import type { FastifyInstance } from 'fastify';
import { storageFaultCode } from '../../../support/errors/storage-fault-error.js';
import { typed } from '../../typed-app.js';
import type { Store } from '../../../storage/store.js';

/**
 * `GET /health`: no auth, no database round trip. 200 `{"status":"ok"}`, or 503 naming the
 * storage fault (disk full, read-only) while the store refuses writes, until one succeeds.
 */
export function registerHealthRoutes(app: FastifyInstance, store: Store): void {
  typed(app).get(
    '/health',
    {
      schema: {
        summary: 'Whether the server takes work (no auth, no database round trip)',
        tags: ['operations'],
        response: { 200: HealthOk, 503: HealthDegraded, '4xx': ErrorEnvelope },
      },
    },
    async (_request, reply) => {
      const fault = store.storageFault?.() ?? null;
      if (fault === null) return reply.status(200).send({ status: 'ok' });
      return reply.status(503).send({
        status: 'degraded',
        storage: {
          fault: fault.kind,
          code: storageFaultCode(fault.kind),
          since: new Date(fault.since).toISOString(),
        },
      });
    },
  );
}

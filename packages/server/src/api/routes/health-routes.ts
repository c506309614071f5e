import type { FastifyInstance } from 'fastify';
import { storageFaultCode } from '../../errors/storage-fault-error.js';
import type { Store } from '../../storage/store.js';

/**
 * `GET /health`: no auth, no database round trip. 200 `{"status":"ok"}`, or 503 naming the
 * storage fault (disk full, read-only) while the store refuses writes, until one succeeds.
 */
export function registerHealthRoutes(app: FastifyInstance, store: Store): void {
  app.get('/health', (_request, reply) => {
    const fault = store.storageFault?.() ?? null;
    if (fault === null) return { status: 'ok' };
    return reply.status(503).send({
      status: 'degraded',
      storage: {
        fault: fault.kind,
        code: storageFaultCode(fault.kind),
        since: new Date(fault.since).toISOString(),
      },
    });
  });
}

import type { FastifyInstance } from 'fastify';

/** `GET /health`: liveness only, no auth, no database round trip. */
export function registerHealthRoutes(app: FastifyInstance): void {
  app.get('/health', () => ({ status: 'ok' }));
}

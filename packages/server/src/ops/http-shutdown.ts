import type { FastifyInstance } from 'fastify';
import { endsWithin } from '../support/settle-within.js';
import { STOP_STEP_MS } from '../engine/delivery/delivery-worker.js';

/** An HTTP listener as a stop sees it. */
export interface StoppableListener {
  /** Stops listening; resolves once the requests in flight have ended. */
  close(): Promise<void>;
  /** Cuts every connection, requests in flight included. */
  cutConnections(): void;
}

/** The Fastify app's own listener. */
export function appListener(app: FastifyInstance): StoppableListener {
  return {
    close: () => app.close(),
    cutConnections: () => {
      app.server.closeAllConnections();
    },
  };
}

/**
 * Stops the listeners: no new connections, and `graceMs` for the requests in flight to end. A
 * request still running then (a client that never finishes its body, a handler waiting on a
 * store that does not answer) has its connection cut, so a stop never waits on a client.
 */
export async function closeListenersWithin(
  listeners: readonly StoppableListener[],
  graceMs: number,
): Promise<void> {
  const closed = Promise.all(listeners.map((listener) => listener.close()));
  if (await endsWithin(closed, graceMs)) return;
  for (const listener of listeners) listener.cutConnections();
  await endsWithin(closed, STOP_STEP_MS);
}

import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { clientErrorReply } from '../../http/net/client-error-reply.js';
import { serverTimeouts, type RequestLimits } from '../../http/net/request-limits.js';
import { closeServer, listenOn } from '../../http/net/server-lifecycle.js';
import type { FastifyInstance } from 'fastify';
import type { CertificatePair } from './self-signed-certificate.js';

/** A running HTTPS front of the app. */
export interface HttpsListener {
  /** e.g. `https://localhost:7443`: the name the certificate covers. */
  readonly url: string;
  readonly port: number;
  /** Stops listening; resolves once the requests in flight have ended. */
  close(): Promise<void>;
  /** Cuts every connection, requests in flight included (a stop past its grace period). */
  cutConnections(): void;
}

/**
 * Serves the same Fastify app over HTTPS on a second port. Requests go through `app.routing`,
 * so both listeners share routes, hooks, authentication and the error mapping; the connection
 * limits and the answers to unreadable requests are the plain listener's too. The app must be
 * ready (it is, once its own `listen` resolved).
 */
export async function startHttpsListener(
  app: FastifyInstance,
  pair: CertificatePair,
  where: { readonly host: string; readonly port: number; readonly limits: RequestLimits },
): Promise<HttpsListener> {
  const options = { cert: pair.cert, key: pair.key, ...serverTimeouts(where.limits) };
  const server = createServer(options, (request, response) => {
    app.routing(request, response);
  });
  server.on('clientError', clientErrorReply(where.limits));
  await listenOn(server, where.host, where.port);
  const bound = (server.address() as AddressInfo).port;
  return {
    url: `https://localhost:${bound}`,
    port: bound,
    close: () => closeServer(server, 'idle'),
    cutConnections: () => {
      server.closeAllConnections();
    },
  };
}

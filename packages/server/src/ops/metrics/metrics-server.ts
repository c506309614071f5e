import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { closeServer, listenOn } from '../../http/net/server-lifecycle.js';
import type { Logger } from 'pino';
import type { ServerMetrics } from './server-metrics.js';

/** The `--metrics-port` listener: `/metrics` without auth, for a private scrape network. */
export interface MetricsServer {
  readonly url: string;
  close(): Promise<void>;
}

/** Listens on `host:port` and answers `GET /metrics`; anything else is 404. */
export async function startMetricsServer(
  metrics: ServerMetrics,
  host: string,
  port: number,
  logger: Logger,
): Promise<MetricsServer> {
  const server = createServer((request, response) => {
    if (request.method !== 'GET' || request.url?.split('?')[0] !== '/metrics') {
      response.writeHead(404).end();
      return;
    }
    metrics.scrape().then(
      (text) => response.writeHead(200, { 'content-type': metrics.registry.contentType }).end(text),
      (error: unknown) => {
        logger.error({ err: error }, 'metrics scrape failed');
        response.writeHead(500).end();
      },
    );
  });
  await listenOn(server, host, port);
  const address = server.address() as AddressInfo;
  const shown = address.address.includes(':') ? `[${address.address}]` : address.address;
  return {
    url: `http://${shown}:${address.port}/metrics`,
    close: () => closeServer(server, 'all'),
  };
}

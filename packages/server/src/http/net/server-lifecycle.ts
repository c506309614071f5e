import type { Server as HttpServer } from 'node:http';
import type { Server as HttpsServer } from 'node:https';
import type { Server } from 'node:net';

/** Starts listening; rejects with the bind error (port in use, bad host) instead of throwing later. */
export function listenOn(server: Server, host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/**
 * Stops the server. Keep-alive sockets would hold `close` open until they time out, so either
 * every connection is cut first (`all`) or the idle ones are once closing has begun (`idle`).
 */
export function closeServer(
  server: HttpServer | HttpsServer,
  connections: 'all' | 'idle',
): Promise<void> {
  if (connections === 'all') server.closeAllConnections();
  return new Promise((resolve, reject) => {
    server.close((error) => {
      if (error === undefined) resolve();
      else reject(error);
    });
    if (connections === 'idle') server.closeIdleConnections();
  });
}

import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A running test server: its base URL and how to stop it. */
export interface Running {
  readonly url: string;
  close(): Promise<void>;
}

/** Listens on 127.0.0.1, port 0, and resolves once bound. */
export function listen(server: Server): Promise<Running> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      resolve(running(server));
    });
  });
}

/** Wraps an already-listening node:http server. */
export function running(server: Server): Running {
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}

import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FlakyReceiver {
  readonly url: string;
  /** Requests received so far. */
  readonly count: () => number;
  close(): Promise<void>;
}

/** A loopback webhook receiver that answers 500 to its first `failures` requests, then 200. */
export async function startFlakyReceiver(failures: number): Promise<FlakyReceiver> {
  let received = 0;
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      received++;
      const failing = received <= failures;
      response
        .writeHead(failing ? 500 : 200, { 'content-type': 'application/json' })
        .end(JSON.stringify(failing ? { error: 'not yet' } : { ok: true }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhooks`,
    count: () => received,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}

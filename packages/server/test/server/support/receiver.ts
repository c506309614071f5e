import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** A loopback webhook receiver on port 0 that answers 200 and records what it got. */
export async function startReceiver(): Promise<{
  url: string;
  next(): Promise<Received>;
  close(): Promise<void>;
}> {
  const waiting: ((received: Received) => void)[] = [];
  const queue: Received[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const received = { headers: request.headers, body: Buffer.concat(chunks).toString('utf8') };
      const resolve = waiting.shift();
      if (resolve === undefined) queue.push(received);
      else resolve(received);
      response.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhooks`,
    next: () =>
      new Promise((resolve) => {
        const ready = queue.shift();
        if (ready === undefined) waiting.push(resolve);
        else resolve(ready);
      }),
    close: () =>
      new Promise((resolve) =>
        server.close(() => {
          resolve();
        }),
      ),
  };
}

/**
 * The benches' receiving end: `count` loopback HTTP servers (one origin each, keep-alive) that
 * answer 200 once a request's body is read, handing the body to `onBody` when one is given.
 * Resolves with their ports.
 */
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export async function listenOrigins(
  count: number,
  onBody?: (body: string) => void,
): Promise<number[]> {
  const ports: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const server = createServer((req, res) => {
      let body = '';
      if (onBody === undefined) req.resume();
      else {
        req.setEncoding('utf8');
        req.on('data', (chunk: string) => (body += chunk));
      }
      req.on('end', () => {
        onBody?.(body);
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end('ok');
      });
    });
    server.keepAliveTimeout = 60_000;
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    ports.push((server.address() as AddressInfo).port);
  }
  return ports;
}

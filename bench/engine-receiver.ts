/**
 * The bench's loopback receiver, run in its own process so that answering does not compete
 * with the engine for its event loop. Listens on `BENCH_ORIGINS` ports (one origin each),
 * answers every request 200 once its body is read, and prints the ports as JSON.
 */
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const count = Number(process.env['BENCH_ORIGINS'] ?? '4');
const ports: number[] = [];
for (let i = 0; i < count; i += 1) {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('ok');
    });
  });
  server.keepAliveTimeout = 60_000;
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  ports.push((server.address() as AddressInfo).port);
}
process.stdout.write(`${JSON.stringify(ports)}\n`);

import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { Agent } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { RECORD_LIMIT_BYTES } from '../../src/engine/delivery/capped-text.js';
import { Cancellation } from '../../src/engine/delivery/cancellation.js';
import {
  DRAIN_LIMIT_BYTES,
  exchange,
  type ExchangeRequest,
} from '../../src/engine/delivery/http-exchange.js';

const POST: ExchangeRequest = {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: '{"ok":true}',
};

interface Target {
  readonly url: string;
  readonly sockets: Set<Socket>;
  readonly closed: () => number;
}

const servers: Server[] = [];
const agents: Agent[] = [];

afterEach(async () => {
  await Promise.all(agents.splice(0).map((agent) => agent.destroy()));
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    server.close();
  }
});

async function target(listener: RequestListener): Promise<Target> {
  const server = createServer(listener);
  servers.push(server);
  const sockets = new Set<Socket>();
  let closed = 0;
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => (closed += 1));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/hook?x=1`, sockets, closed: () => closed };
}

function agent(): Agent {
  const made = new Agent({ connections: 1 });
  agents.push(made);
  return made;
}

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i += 1) await new Promise((r) => setTimeout(r, 10));
  expect(check()).toBe(true);
}

describe('exchange', () => {
  it('returns status, header pairs (repeats kept) and the body, and sends path and query', async () => {
    let seen = '';
    const { url } = await target((request, response) => {
      seen = `${request.method} ${request.url}`;
      response.setHeader('set-cookie', ['a=1', 'b=2']);
      response.writeHead(201, { 'x-reply': 'yes' }).end('created');
    });
    const reply = await exchange(agent(), url, POST, new Cancellation());
    expect(seen).toBe('POST /hook?x=1');
    expect(reply.status).toBe(201);
    expect(reply.body).toBe('created');
    expect(reply.headers).toContainEqual(['set-cookie', 'a=1']);
    expect(reply.headers).toContainEqual(['set-cookie', 'b=2']);
    expect(reply.headers).toContainEqual(['x-reply', 'yes']);
  });

  it('keeps 10 kB of a body it drains, and reuses the connection', async () => {
    const t = await target((_request, response) =>
      response.end('x'.repeat(3 * RECORD_LIMIT_BYTES)),
    );
    const dispatcher = agent();
    const first = await exchange(dispatcher, t.url, POST, new Cancellation());
    const second = await exchange(dispatcher, t.url, POST, new Cancellation());
    expect(first.body).toHaveLength(RECORD_LIMIT_BYTES);
    expect(second.status).toBe(200);
    expect(t.sockets.size).toBe(1);
  });

  it('stops reading a body past the drain limit and drops the socket', async () => {
    const t = await target((_request, response) => {
      response.writeHead(200);
      const chunk = 'y'.repeat(16 * 1024);
      // Streams without end: only the client's limit stops it.
      const pump = (): void => {
        while (response.write(chunk));
      };
      response.on('drain', pump);
      pump();
    });
    const reply = await exchange(agent(), t.url, POST, new Cancellation());
    expect(reply.status).toBe(200);
    expect(reply.body).toHaveLength(RECORD_LIMIT_BYTES);
    expect(DRAIN_LIMIT_BYTES).toBeGreaterThan(RECORD_LIMIT_BYTES);
    await until(() => t.closed() >= 1);
  });

  it('rejects with the reason when cancelled mid-request, and closes the socket', async () => {
    const t = await target(() => undefined);
    const cancellation = new Cancellation();
    const pending = exchange(agent(), t.url, POST, cancellation);
    await until(() => t.sockets.size === 1);
    const reason = new Error('took too long');
    cancellation.cancel(reason);
    await expect(pending).rejects.toBe(reason);
    await until(() => t.closed() >= 1);
  });

  it('rejects at once when cancelled before it starts, or while queued for a connection', async () => {
    const t = await target(() => undefined);
    const dispatcher = agent();
    const already = new Cancellation();
    already.cancel(new Error('stopped'));
    await expect(exchange(dispatcher, t.url, POST, already)).rejects.toThrow('stopped');
    // One connection: the second exchange waits behind the first, which never gets a reply.
    const first = new Cancellation();
    const hanging = exchange(dispatcher, t.url, POST, first);
    const queued = new Cancellation();
    const waiting = exchange(dispatcher, t.url, POST, queued);
    await until(() => t.sockets.size === 1);
    queued.cancel(new Error('queued too long'));
    await expect(waiting).rejects.toThrow('queued too long');
    first.cancel(new Error('done'));
    await expect(hanging).rejects.toThrow('done');
  });

  it('rejects a URL that cannot be parsed, and a refused connection, with their codes', async () => {
    await expect(exchange(agent(), 'not a url', POST, new Cancellation())).rejects.toMatchObject({
      code: 'ERR_INVALID_URL',
    });
    const t = await target(() => undefined);
    const refused = t.url;
    for (const server of servers.splice(0)) await new Promise((r) => server.close(r));
    await expect(exchange(agent(), refused, POST, new Cancellation())).rejects.toMatchObject({
      code: 'ECONNREFUSED',
    });
  });
});

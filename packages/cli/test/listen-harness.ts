import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { request } from 'undici';
import { spawnWatched, type RunningCli } from './support/watched-process.js';

const ROOT = resolve(import.meta.dirname, '../../..');
const BIN = join(ROOT, 'packages/cli/bin/switchboard.js');

export { stopAllSpawned, type RunningCli } from './support/watched-process.js';

/** Starts `switchboard …args` as a user would, with the built binary. */
export function spawnSwitchboard(
  args: readonly string[],
  env: Record<string, string> = {},
): RunningCli {
  return spawnWatched(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    env: { PATH: process.env['PATH'] ?? '', SWITCHBOARD_LOG_LEVEL: 'warn', ...env },
  });
}

/** One request the local app got, with headers exactly as they arrived. */
export interface LocalRequest {
  readonly method: string;
  readonly url: string;
  readonly rawHeaders: readonly string[];
  readonly body: Buffer;
}

/** A local app on loopback that records requests and answers as `answer` says. */
export interface LocalApp {
  readonly url: string;
  readonly received: LocalRequest[];
  waitFor(count: number): Promise<LocalRequest[]>;
  /** Waits until `done` holds for what was received. */
  waitUntil(done: (received: readonly LocalRequest[]) => boolean): Promise<void>;
  close(): Promise<void>;
}

export type Answer = (request: LocalRequest) => { status: number; body?: string; type?: string };

export async function startLocalApp(answer: Answer = () => ({ status: 200 })): Promise<LocalApp> {
  const received: LocalRequest[] = [];
  const waiters: (() => void)[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const local = {
        method: req.method ?? '',
        url: req.url ?? '',
        rawHeaders: req.rawHeaders,
        body: Buffer.concat(chunks),
      };
      received.push(local);
      const reply = answer(local);
      res
        .writeHead(reply.status, { 'content-type': reply.type ?? 'text/plain' })
        .end(reply.body ?? 'ok');
      for (const wake of waiters.splice(0)) wake();
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  const waitUntil = async (done: (all: readonly LocalRequest[]) => boolean): Promise<void> => {
    while (!done(received)) await new Promise<void>((wake) => waiters.push(wake));
  };
  return {
    url: `http://127.0.0.1:${port}/webhooks`,
    received,
    waitFor: async (count) => {
      await waitUntil((all) => all.length >= count);
      return received;
    },
    waitUntil,
    close: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => {
          done();
        });
      }),
  };
}

/** An authenticated JSON call to the server. */
export async function api<T>(
  server: string,
  key: string,
  method: 'GET' | 'POST' | 'PATCH',
  path: string,
  body?: unknown,
): Promise<T> {
  const response = await request(`${server}${path}`, {
    method,
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.body.text();
  if (response.statusCode >= 300)
    throw new Error(`${method} ${path}: ${response.statusCode} ${text}`);
  return JSON.parse(text) as T;
}

/** Creates an inbox and returns its id and capture URL. */
export async function createInbox(
  server: string,
  key: string,
  settings: Record<string, unknown> = {},
): Promise<{ id: string; url: string }> {
  const reply = await api<{ data: { id: string; url: string } }>(
    server,
    key,
    'POST',
    '/switchboard/inboxes',
    settings,
  );
  return reply.data;
}

/** Pairs of a raw header list, lower-cased names, without the connection's own headers. */
export function endToEndHeaders(rawHeaders: readonly string[]): [string, string][] {
  const own = new Set(['host', 'content-length', 'connection', 'transfer-encoding']);
  const pairs: [string, string][] = [];
  for (let index = 0; index + 1 < rawHeaders.length; index += 2) {
    const name = rawHeaders[index] ?? '';
    if (!own.has(name.toLowerCase())) pairs.push([name, rawHeaders[index + 1] ?? '']);
  }
  return pairs;
}

import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadServerConfig, startServer, type RunningServer } from '@switchboard/server';
import { afterAll, beforeAll } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../../..');
const BIN = join(ROOT, 'packages/cli/bin/switchboard.js');

/** Whether the CLI is built; tests that spawn it skip (fail under CI) when it is not. */
export function cliBuilt(): boolean {
  const built = existsSync(join(ROOT, 'packages/cli/dist/bin.js'));
  if (!built && process.env['CI'] !== undefined) throw new Error('run `npx tsc -b` first');
  if (!built) console.warn('skipping CLI tests: packages/cli/dist is missing (run `npx tsc -b`)');
  return built;
}

export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `switchboard …args` as a user would and waits for it to exit. */
export function runSwitchboard(
  args: readonly string[],
  options: { env?: Record<string, string>; cwd?: string } = {},
): Promise<CliResult> {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    env: { PATH: process.env['PATH'] ?? '', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  return new Promise((done) =>
    child.on('close', (code) => {
      done({ code, stdout, stderr });
    }),
  );
}

/** A real server on port 0 with a temporary data dir (its `.switchboard` inside `dir`). */
export async function startTestServer(): Promise<{ server: RunningServer; dir: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'switchboard-cli-'));
  const result = loadServerConfig(
    { port: '0', dataDir: join(dir, '.switchboard'), logLevel: 'silent' },
    { SWITCHBOARD_RETRY_SCHEDULE: '200' },
  );
  if (!result.ok) throw new Error(result.errors.join('; '));
  return { server: await startServer(result.config), dir };
}

/** One request a loopback receiver got. */
export interface Received {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

/** A loopback webhook receiver that records every request and answers `status()`. */
export interface Receiver {
  readonly url: string;
  readonly received: Received[];
  /** Resolves once `count` requests have arrived in total. */
  waitFor(count: number): Promise<Received[]>;
  close(): Promise<void>;
}

export async function startReceiver(status: () => number = () => 200): Promise<Receiver> {
  const received: Received[] = [];
  const waiters: (() => void)[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const { method = '', url = '', headers } = request;
      received.push({ method, url, headers, body: Buffer.concat(chunks) });
      response.writeHead(status()).end('ok');
      for (const wake of waiters.splice(0)) wake();
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  const waitFor = async (count: number): Promise<Received[]> => {
    while (received.length < count) await new Promise<void>((wake) => waiters.push(wake));
    return received;
  };
  const close = (): Promise<void> =>
    new Promise((done) =>
      server.close(() => {
        done();
      }),
    );
  return { url: `http://127.0.0.1:${port}/webhooks`, received, waitFor, close };
}

/** A file's real server, its directory and a receiver, and the CLI run against them. */
export class CliServer {
  server!: RunningServer;
  dir!: string;
  receiver!: Receiver;

  /** `switchboard …` with `--server`, from the server's directory (no --api-key: the key file). */
  readonly sb = (...args: string[]): Promise<CliResult> =>
    runSwitchboard([...args, '--server', this.server.url], { cwd: this.dir });
}

/** Starts a {@link CliServer} before the file's tests and stops it after them. */
export function useCliServer(): CliServer {
  const cli = new CliServer();
  beforeAll(async () => {
    ({ server: cli.server, dir: cli.dir } = await startTestServer());
    cli.receiver = await startReceiver();
  });
  afterAll(async () => {
    await cli.receiver.close();
    await cli.server.close();
  });
  return cli;
}

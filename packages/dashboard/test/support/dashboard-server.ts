import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadServerConfig, startServer, type RunningServer } from '@switchboard/server';

export interface TestServer {
  readonly server: RunningServer;
  readonly apiKey: string;
  /** Calls the server's API with the default account's key; the reply's JSON body. */
  api<T>(method: string, path: string, body?: unknown): Promise<T>;
  close(): Promise<void>;
}

/**
 * `switchboard serve` on port 0 with a fresh SQLite data dir. Retries wait 10 minutes, so a
 * failed delivery stays failed until the test retries it from the dashboard.
 */
export async function startTestServer(): Promise<TestServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'switchboard-dashboard-'));
  const result = loadServerConfig(
    { port: '0', host: '127.0.0.1', dataDir, logLevel: 'silent' },
    { SWITCHBOARD_RETRY_SCHEDULE: '600000' },
  );
  if (!result.ok) throw new Error(result.errors.join('; '));
  const server = await startServer(result.config);
  const apiKey = server.apiKey ?? '';
  return {
    server,
    apiKey,
    api: async <T>(method: string, path: string, body?: unknown) => {
      const response = await fetch(`${server.url}${path}`, {
        method,
        headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return (await response.json()) as T;
    },
    close: async () => {
      await server.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadServerConfig, type ServerConfig } from '../../../src/ops/config/server-config.js';

/** A server config on port 0 and a fresh temporary data dir. */
export async function testConfig(env: Record<string, string> = {}): Promise<ServerConfig> {
  const dataDir = await mkdtemp(join(tmpdir(), 'switchboard-server-'));
  const result = loadServerConfig(
    { port: '0', dataDir, logLevel: 'silent' },
    { SWITCHBOARD_RETRY_SCHEDULE: '1000', ...env },
  );
  if (!result.ok) throw new Error(result.errors.join('; '));
  return result.config;
}

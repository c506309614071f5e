import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadServerConfig } from '../../src/ops/config/server-config.js';

async function configFile(content: unknown): Promise<string> {
  const path = join(await mkdtemp(join(tmpdir(), 'switchboard-config-')), 'switchboard.json');
  await writeFile(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

describe('operations settings', () => {
  it('has production defaults: no retention, egress all, no rate limit, 24 h key overlap', () => {
    expect(loadServerConfig({}, {})).toMatchObject({
      ok: true,
      config: {
        configFile: null,
        metricsPort: null,
        retention: null,
        egress: 'all',
        rateLimit: null,
        signingKeyOverlap: 86_400_000,
      },
    });
  });

  it('parses durations, rates and the egress mode', () => {
    const result = loadServerConfig(
      { retention: '7d', rateLimit: '6000/m', egress: 'public-only', metricsPort: '9100' },
      { SWITCHBOARD_SIGNING_KEY_OVERLAP: '90m' },
    );
    expect(result).toMatchObject({
      ok: true,
      config: {
        retention: 7 * 86_400_000,
        rateLimit: { perSecond: 100, burst: 100 },
        egress: 'public-only',
        metricsPort: 9100,
        signingKeyOverlap: 90 * 60_000,
      },
    });
  });

  it('reads a config file below flags and environment: flags > env > file > defaults', async () => {
    const path = await configFile({
      port: 8100,
      host: '0.0.0.0',
      retention: '30d',
      'log-level': 'warn',
      'retry-schedule': [1000, 2000],
    });
    const result = loadServerConfig(
      { configFile: path, port: '8300' },
      { SWITCHBOARD_HOST: '10.0.0.5', SWITCHBOARD_LOG_LEVEL: '' },
    );
    expect(result).toMatchObject({
      ok: true,
      config: {
        port: 8300,
        host: '10.0.0.5',
        retention: 30 * 86_400_000,
        logLevel: 'warn',
        retrySchedule: [1000, 2000],
        egress: 'all',
      },
    });
  });

  it('finds the file through SWITCHBOARD_CONFIG too', async () => {
    const path = await configFile({ egress: 'public-only' });
    expect(loadServerConfig({}, { SWITCHBOARD_CONFIG: path })).toMatchObject({
      config: { egress: 'public-only' },
    });
  });

  it('stops on invalid settings with messages that name the source', async () => {
    const path = await configFile({ port: 'eighty', retention: '7' });
    const result = loadServerConfig(
      { configFile: path, egress: 'private' },
      { SWITCHBOARD_RATE_LIMIT: 'fast' },
    );
    expect(result.ok).toBe(false);
    const errors = result.ok ? '' : result.errors.join('\n');
    expect(errors).toContain('config "port" must be a whole number');
    expect(errors).toContain('config "retention" must be a duration like 7d');
    expect(errors).toContain('--egress must be one of all, public-only, got "private"');
    expect(errors).toContain('SWITCHBOARD_RATE_LIMIT must be a rate like 100/s');
  });

  it.each([
    ['{ "port": 1', 'is not valid JSON'],
    ['[1, 2]', 'must hold one JSON object'],
    ['{ "colour": "blue" }', 'unknown setting "colour"'],
    ['{ "tls": true }', '"tls" must be a string or a number'],
  ])('refuses the file %s', async (content, message) => {
    const result = loadServerConfig({ configFile: await configFile(content) }, {});
    expect(result.ok ? [] : result.errors).toEqual([expect.stringContaining(message)]);
  });

  it('refuses a config file that does not exist', () => {
    const result = loadServerConfig({ configFile: '/nonexistent/switchboard.json' }, {});
    expect(result.ok ? [] : result.errors).toEqual([
      'config file /nonexistent/switchboard.json cannot be read',
    ]);
  });
});

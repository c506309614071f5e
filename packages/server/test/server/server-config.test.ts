import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadServerConfig } from '../../src/ops/config/server-config.js';

describe('loadServerConfig', () => {
  it('defaults to 127.0.0.1:7700, ./.switchboard and SQLite', () => {
    const result = loadServerConfig({}, {});
    expect(result).toMatchObject({
      ok: true,
      config: {
        host: '127.0.0.1',
        port: 7700,
        dataDir: resolve('.switchboard'),
        databaseUrl: null,
        apiKey: null,
        adminToken: null,
        logLevel: 'info',
        webhookTimeoutMs: 10_000,
        retrySchedule: null,
      },
    });
  });

  it('prefers flags over SWITCHBOARD_* over defaults', () => {
    const result = loadServerConfig(
      { port: '0' },
      {
        SWITCHBOARD_PORT: '8000',
        SWITCHBOARD_HOST: '0.0.0.0',
        SWITCHBOARD_DATABASE_URL: 'postgres://u:p@db/x',
        SWITCHBOARD_API_KEY: 'KEYx',
        SWITCHBOARD_RETRY_SCHEDULE: '1000, 2000',
      },
    );
    expect(result).toMatchObject({
      ok: true,
      config: {
        port: 0,
        host: '0.0.0.0',
        databaseUrl: 'postgres://u:p@db/x',
        apiKey: 'KEYx',
        retrySchedule: [1000, 2000],
      },
    });
  });

  it('treats an empty variable as unset', () => {
    expect(loadServerConfig({}, { SWITCHBOARD_PORT: '' })).toMatchObject({
      config: { port: 7700 },
    });
  });

  it('reports every invalid setting, naming where it came from, never echoing a URL', () => {
    const result = loadServerConfig(
      { port: '70000', logLevel: 'loud' },
      {
        SWITCHBOARD_DATABASE_URL: 'mysql://root:hunter2@db',
        SWITCHBOARD_WEBHOOK_TIMEOUT_MS: '31000',
      },
    );
    expect(result.ok).toBe(false);
    const errors = result.ok ? [] : result.errors;
    expect(errors).toHaveLength(4);
    expect(errors.join('\n')).toContain('--port');
    expect(errors.join('\n')).toContain('--log-level');
    expect(errors.join('\n')).toContain('SWITCHBOARD_DATABASE_URL');
    expect(errors.join('\n')).toContain('SWITCHBOARD_WEBHOOK_TIMEOUT_MS');
    expect(errors.join('\n')).not.toContain('hunter2');
  });

  it('bounds how long a client may take to send a request: 30 s unless set', () => {
    expect(loadServerConfig({}, {})).toMatchObject({ config: { requestTimeoutMs: 30_000 } });
    expect(loadServerConfig({ requestTimeoutMs: '5000' }, {})).toMatchObject({
      config: { requestTimeoutMs: 5_000 },
    });
    expect(loadServerConfig({}, { SWITCHBOARD_REQUEST_TIMEOUT_MS: '2000' })).toMatchObject({
      config: { requestTimeoutMs: 2_000 },
    });
    const bad = loadServerConfig({ requestTimeoutMs: '0' }, {});
    expect(bad.ok).toBe(false);
    expect(bad.ok ? '' : bad.errors.join('\n')).toContain('--request-timeout-ms');
  });
});

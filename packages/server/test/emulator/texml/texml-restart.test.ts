import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadServerConfig } from '../../../src/ops/config/server-config.js';
import { startServer, type RunningServer } from '../../../src/start-server.js';
import { TexmlApp } from './support/texml-app.js';
import { eventually, FAST } from './support/texml-server.js';

const servers: RunningServer[] = [];
afterAll(async () => {
  for (const server of servers) await server.close();
});

async function start(dataDir: string): Promise<RunningServer> {
  const result = loadServerConfig({ port: '0', dataDir, logLevel: 'silent' }, {});
  if (!result.ok) throw new Error(result.errors.join('; '));
  const server = await startServer(result.config, { emulator: FAST });
  servers.push(server);
  return server;
}

async function api(
  server: RunningServer,
  method: string,
  path: string,
  body?: unknown,
): Promise<Record<string, unknown>> {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${server.apiKey ?? ''}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return (await response.json()) as Record<string, unknown>;
}

describe('a restart with a live TeXML call', () => {
  it('hangs the call up and says why in its record', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'switchboard-texml-'));
    const first = await start(dataDir);
    const app = await new TexmlApp(first.publicKey).start();
    app.route('/hold', '<Response><Pause length="600"/></Response>');
    const created = await api(first, 'POST', '/v2/texml_applications', {
      friendly_name: 'hold',
      voice_url: app.url('/hold'),
    });
    const reply = await api(first, 'POST', '/switchboard/simulate/calls', {
      connection_id: (created['data'] as { id: string }).id,
      from: '+14155550123',
      to: '+13125557000',
    });
    const sid = (reply['data'] as { call_control_id: string }).call_control_id;
    await eventually(() => app.to('/hold')[0]);
    await first.close();
    const second = await start(dataDir);
    const record = await eventually(async () => {
      const read = await api(second, 'GET', `/switchboard/texml/calls/${sid}`);
      const data = read['data'] as { status: string; log: { text: string }[] };
      return data.status === 'completed' ? data : undefined;
    });
    expect(record.log.at(-1)?.text).toContain('the server restarted');
    await app.close();
  });
});

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RunningServer } from '@switchboard/server';
import { normalizeEvent, verifyWebhook } from '@switchboard/webhooks';
import Telnyx from 'telnyx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEnvFile } from '../src/env/merge-env-file.js';
import {
  cliBuilt,
  runSwitchboard,
  startReceiver,
  startTestServer,
  type Receiver,
} from './support/cli-harness.js';

const built = cliBuilt();
const SDK_VARIABLES = ['TELNYX_BASE_URL', 'TELNYX_API_KEY', 'TELNYX_PUBLIC_KEY'] as const;

describe.skipIf(!built)('switchboard env: the official telnyx SDK runs from the .env alone', () => {
  let server: RunningServer;
  let dir: string;
  let receiver: Receiver;
  const saved = new Map(SDK_VARIABLES.map((name) => [name, process.env[name]]));

  beforeAll(async () => {
    ({ server, dir } = await startTestServer());
    receiver = await startReceiver();
  });

  afterAll(async () => {
    for (const [name, value] of saved) {
      if (value === undefined) Reflect.deleteProperty(process.env, name);
      else process.env[name] = value;
    }
    await receiver.close();
    await server.close();
  });

  /** Verifies every webhook received so far and returns their event types, in arrival order. */
  async function eventTypes(publicKey: string): Promise<string[]> {
    const types: string[] = [];
    for (const request of receiver.received) {
      const event = await verifyWebhook({
        body: request.body,
        headers: request.headers,
        publicKey,
      });
      types.push(normalizeEvent(event).data.event_type);
    }
    return types;
  }

  async function waitForEvent(type: string, publicKey: string): Promise<void> {
    while (!(await eventTypes(publicKey)).includes(type)) {
      await receiver.waitFor(receiver.received.length + 1);
    }
  }

  it('dials, speaks and hangs up, and the webhooks verify with TELNYX_PUBLIC_KEY', async () => {
    const sb = (...args: string[]) =>
      runSwitchboard([...args, '--server', server.url], { cwd: dir });
    const app = await sb(
      'applications',
      'create',
      '--name',
      'sdk',
      '--webhook-url',
      receiver.url,
      '--format',
      'json',
    );
    const connectionId = (JSON.parse(app.stdout) as { id: string }).id;
    const envFile = join(dir, '.env');
    expect((await sb('env', '--write', envFile)).code).toBe(0);

    const values = parseEnvFile(await readFile(envFile, 'utf8'));
    for (const name of SDK_VARIABLES) process.env[name] = values[name];
    const client = new Telnyx();
    const publicKey = values['TELNYX_PUBLIC_KEY'] ?? '';

    const dialled = await client.calls.dial({
      connection_id: connectionId,
      from: '+13125550100',
      to: '+13125551234',
    });
    const id = dialled.data?.call_control_id ?? '';
    await waitForEvent('call.answered', publicKey);
    await client.calls.actions.speak(id, { payload: 'Hello from the SDK', voice: 'female' });
    await waitForEvent('call.speak.ended', publicKey);
    await client.calls.actions.hangup(id, {});
    await waitForEvent('call.hangup', publicKey);

    const types = await eventTypes(publicKey);
    expect(types).toEqual(
      expect.arrayContaining([
        'call.initiated',
        'call.answered',
        'call.speak.started',
        'call.speak.ended',
        'call.hangup',
      ]),
    );
    expect(types.indexOf('call.answered')).toBeLessThan(types.indexOf('call.hangup'));
  });
});

import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, TexmlServer } from '../emulator/texml/support/texml-server.js';
import { freePort } from '../server/support/free-port.js';

const EXAMPLE = join(
  dirname(fileURLToPath(import.meta.url)),
  '../../../../examples/texml-ivr/server.mjs',
);

let s: TexmlServer;
let example: ChildProcess;
let exampleUrl: string;
let appId: string;
const output: string[] = [];

beforeAll(async () => {
  s = await TexmlServer.start();
  const port = await freePort();
  exampleUrl = `http://127.0.0.1:${port}`;
  const created = await s.api('POST', '/v2/texml_applications', {
    friendly_name: 'example ivr',
    voice_url: `${exampleUrl}/texml/voice`,
    status_callback: `${exampleUrl}/texml/status`,
  });
  appId = (created.json['data'] as { id: string }).id;
  await s.api('POST', '/switchboard/phone_numbers', {
    phone_number: '+13125557000',
    connection_id: appId,
  });
  // The example gets the environment an app gets from `switchboard env`, and nothing else.
  example = spawn(process.execPath, [EXAMPLE], {
    env: {
      PATH: process.env['PATH'],
      PORT: String(port),
      TELNYX_API_KEY: s.server.apiKey ?? '',
      TELNYX_BASE_URL: `${s.url}/v2`,
      TELNYX_PUBLIC_KEY: s.server.publicKey,
      TELNYX_APP_ID: appId,
      TELNYX_PHONE_NUMBER: '+13125557000',
      ROUTER_AGENT_NUMBER: '+13125550101',
    },
  });
  example.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
  await eventually(() => (output.join('').includes('listening') ? true : undefined));
});

afterAll(async () => {
  example.kill();
  await s.close();
});

describe('the TeXML IVR example, unmodified, with env vars only', () => {
  it('takes an inbound call through the menu to a voicemail', async () => {
    const reply = await s.api('POST', '/switchboard/simulate/calls', {
      from: '+14155550100',
      to: '+13125557000',
      script: [{ dtmf: '2' }, { dtmf: '#' }],
    });
    const sid = (reply.json['data'] as { call_control_id: string }).call_control_id;
    await eventually(() =>
      output.join('').includes(`call ${sid} is completed`) ? true : undefined,
    );
    expect(output.join('')).toMatch(
      /voicemail http:\/\/127\.0\.0\.1:\d+\/switchboard\/recordings\/[0-9a-f-]{36}\.mp3/,
    );
    const call = await s.api('GET', `/switchboard/texml/calls/${sid}`);
    const log = (call.json['data'] as { log: { text: string }[] }).log.map((entry) => entry.text);
    expect(log.some((text) => text.includes('/texml/recorded → 200'))).toBe(true);
  });

  it('places an outbound call with the official SDK', async () => {
    const placed = (await (await fetch(`${exampleUrl}/call?to=%2B13125550100`)).json()) as {
      call_sid: string;
    };
    expect(placed.call_sid).toMatch(/^v3:/);
    const record = await eventually(async () => {
      const reply = await s.api(
        'GET',
        `/v2/texml/Accounts/${s.server.accountId}/Calls/${placed.call_sid}`,
      );
      return reply.json['status'] === 'completed' ? reply.json : undefined;
    });
    expect(record).toMatchObject({
      direction: 'outbound-api',
      to: '+13125550100',
      from: '+13125557000',
    });
  });

  it('routes calls: a busy agent line ends in voicemail, a VIP is put straight through', async () => {
    const router = (
      await s.api('POST', '/v2/texml_applications', {
        friendly_name: 'example router',
        voice_url: `${exampleUrl}/texml/route`,
      })
    ).json['data'] as { id: string };
    const verbs = async (from: string, script: unknown[]) => {
      const placed = await s.api('POST', '/switchboard/simulate/calls', {
        connection_id: router.id,
        from,
        to: '+13125557000',
        script,
      });
      const sid = (placed.json['data'] as { call_control_id: string }).call_control_id;
      const record = await eventually(async () => {
        const reply = await s.api('GET', `/switchboard/texml/calls/${sid}`);
        const data = reply.json['data'] as {
          end_time: string | null;
          log: { kind: string; text: string }[];
        };
        return data.end_time === null ? undefined : data;
      });
      return record.log
        .filter((entry) => entry.kind === 'verb')
        .map((entry) => entry.text.split(' ')[0]);
    };
    expect(await verbs('+14155550123', [{ dtmf: '#' }])).toEqual([
      '<Say>',
      '<Dial>',
      '<Say>',
      '<Record>',
      '<Say>',
      '<Hangup>',
    ]);
    await fetch(`${exampleUrl}/vip`, {
      method: 'POST',
      body: JSON.stringify({ phone_number: '+14155550199' }),
    });
    expect(await verbs('+14155550199', [])).toEqual(['<Say>', '<Dial>']);
  });
});

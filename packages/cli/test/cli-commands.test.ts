import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { eventType, KNOWN_EVENT_TYPES, verifyWebhook } from '@switchboard/core';
import { describe, expect, it } from 'vitest';
import {
  cliBuilt,
  runSwitchboard,
  startReceiver,
  useCliServer,
  type CliResult,
} from './support/cli-harness.js';
import { schemaErrors } from '../../core/test/webhook-schemas.js';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

const built = cliBuilt();

describe.skipIf(!built)('switchboard commands against a real server', () => {
  const cli = useCliServer();
  const { sb } = cli;
  const jsonLines = (result: CliResult): Record<string, unknown>[] =>
    result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);

  it('env prints the SDK variables and --write merges them into .env', async () => {
    const file = join(cli.dir, '.env');
    await writeFile(file, '# app\nPORT=3000\nTELNYX_API_KEY=old\n');
    const result = await sb('env', '--write', file);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`TELNYX_BASE_URL=${cli.server.url}/v2`);
    expect(result.stdout).toContain(`TELNYX_PUBLIC_KEY=${cli.server.publicKey}`);
    expect(await readFile(file, 'utf8')).toBe(
      `# app\nPORT=3000\nTELNYX_API_KEY=${cli.server.apiKey ?? ''}\nTELNYX_BASE_URL=${cli.server.url}/v2\nTELNYX_PUBLIC_KEY=${cli.server.publicKey}\n`,
    );
  });

  it('trigger: every one of the 60 types arrives signed and schema-valid', async () => {
    const before = cli.receiver.received.length;
    const result = await sb(
      'trigger',
      ...KNOWN_EVENT_TYPES,
      '--to',
      cli.receiver.url,
      '--format',
      'json',
    );
    expect(result.code).toBe(0);
    expect(jsonLines(result)).toHaveLength(60);
    const arrived = (await cli.receiver.waitFor(before + 60)).slice(before);
    const types = new Set<string>();
    for (const request of arrived) {
      const event = await verifyWebhook({
        body: request.body,
        headers: request.headers,
        publicKey: cli.server.publicKey,
      });
      types.add(eventType(event));
      const body = JSON.parse(request.body.toString('utf8')) as { data: { event_type: string } };
      expect(schemaErrors(body), body.data.event_type).toBe('');
    }
    expect([...types].sort()).toEqual([...KNOWN_EVENT_TYPES].sort());
  });

  it('trigger --set overrides a field and --count repeats with fresh ids', async () => {
    const before = cli.receiver.received.length;
    const result = await sb(
      'trigger',
      'call.hangup',
      '--to',
      cli.receiver.url,
      '--set',
      'data.payload.to=+15550001111',
      '--count',
      '2',
    );
    expect(result.code).toBe(0);
    const arrived = (await cli.receiver.waitFor(before + 2)).slice(before);
    const bodies = arrived.map(
      (request) =>
        JSON.parse(request.body.toString('utf8')) as {
          data: { id: string; payload: { to: string } };
        },
    );
    expect(bodies.map((body) => body.data.payload.to)).toEqual(['+15550001111', '+15550001111']);
    expect(bodies[0]?.data.id).not.toBe(bodies[1]?.data.id);
  });

  it('trigger --count publishes through the batching client: every event once, in order', async () => {
    const before = cli.receiver.received.length;
    const result = await sb(
      'trigger',
      'call.initiated',
      'call.hangup',
      '--to',
      cli.receiver.url,
      '--count',
      '150',
      '--format',
      'json',
    );
    expect(result.code).toBe(0);
    const lines = jsonLines(result);
    expect(lines).toHaveLength(300);
    expect(lines.slice(0, 4).map((line) => line['event_type'])).toEqual([
      'call.initiated',
      'call.hangup',
      'call.initiated',
      'call.hangup',
    ]);
    expect(new Set(lines.map((line) => line['id'])).size).toBe(300);
    expect(lines.every((line) => line['duplicate'] === false)).toBe(true);
    const arrived = (await cli.receiver.waitFor(before + 300)).slice(before);
    const ids = arrived.map(
      (request) => (JSON.parse(request.body.toString('utf8')) as { data: { id: string } }).data.id,
    );
    expect(new Set(ids)).toEqual(new Set(lines.map((line) => line['id'])));
  });

  it('replay --mode exact sends the original bytes and signature; resign signs afresh', async () => {
    const before = cli.receiver.received.length;
    const sent = jsonLines(
      await sb('trigger', 'call.answered', '--to', cli.receiver.url, '--format', 'json'),
    );
    const deliveryId = String(sent[0]?.['webhook_delivery_id']);
    const original = (await cli.receiver.waitFor(before + 1)).at(-1);
    await waitUntilTried(deliveryId);
    const exact = await sb('replay', deliveryId, '--mode', 'exact', '--to', cli.receiver.url);
    expect(exact.code).toBe(0);
    const replayed = cli.receiver.received.at(-1);
    expect(replayed?.body.equals(original?.body ?? Buffer.alloc(0))).toBe(true);
    expect(replayed?.headers['telnyx-signature-ed25519']).toBe(
      original?.headers['telnyx-signature-ed25519'],
    );
    // Ed25519 is deterministic: only a later second gives a different timestamp and signature.
    const originalSecond = Number(original?.headers['telnyx-timestamp']);
    while (Math.floor(Date.now() / 1000) <= originalSecond) await sleep(50);
    const resign = await sb('replay', deliveryId, '--mode', 'resign', '--to', cli.receiver.url);
    expect(resign.code).toBe(0);
    const fresh = cli.receiver.received.at(-1);
    expect(fresh?.body.equals(original?.body ?? Buffer.alloc(0))).toBe(true);
    expect(Number(fresh?.headers['telnyx-timestamp'])).toBeGreaterThan(originalSecond);
    expect(fresh?.headers['telnyx-signature-ed25519']).not.toBe(
      original?.headers['telnyx-signature-ed25519'],
    );
    await verifyWebhook({
      body: fresh?.body ?? '',
      headers: fresh?.headers ?? {},
      publicKey: cli.server.publicKey,
    });
  });

  // The receiver may answer before the attempt is stored; polling the API is cheaper than the CLI.
  async function waitUntilTried(id: string): Promise<void> {
    const headers = { authorization: `Bearer ${cli.server.apiKey ?? ''}` };
    for (;;) {
      const response = await fetch(`${cli.server.url}/v2/webhook_deliveries/${id}`, { headers });
      const view = (await response.json()) as { data: { attempts: unknown[] } };
      if (view.data.attempts.length > 0) return;
      await new Promise((wake) => setTimeout(wake, 20));
    }
  }

  it('verify: a delivery verifies; a re-serialised body file is diagnosed with exit 1', async () => {
    const before = cli.receiver.received.length;
    const sent = jsonLines(
      await sb('trigger', 'call.bridged', '--to', cli.receiver.url, '--format', 'json'),
    );
    const deliveryId = String(sent[0]?.['webhook_delivery_id']);
    await cli.receiver.waitFor(before + 1);
    await waitUntilTried(deliveryId);
    const ok = await sb('verify', '--delivery', deliveryId);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('valid');
    const request = cli.receiver.received.at(-1);
    const bodyFile = join(cli.dir, 'body.json');
    const headersFile = join(cli.dir, 'headers.txt');
    await writeFile(bodyFile, JSON.stringify(JSON.parse(request?.body.toString('utf8') ?? '{}')));
    const lines = Object.entries(request?.headers ?? {}).map(
      ([name, value]) => `${name}: ${String(value)}`,
    );
    await writeFile(headersFile, lines.join('\n'));
    const bad = await sb(
      'verify',
      '--body-file',
      bodyFile,
      '--headers-file',
      headersFile,
      '--public-key',
      cli.server.publicKey,
    );
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('WH_BAD_SIGNATURE (reserialised_body)');
    expect(bad.stdout).toContain('fix:');
  });

  it('deliveries list filters by event type, get shows attempts, retry queues again', async () => {
    const listed = await sb(
      'deliveries',
      'list',
      '--event-type',
      'call.answered',
      '--format',
      'json',
    );
    expect(listed.code).toBe(0);
    const rows = jsonLines(listed) as {
      id: string;
      schema_version: number;
      webhook: { event_type: string };
    }[];
    expect(rows.length).toBeGreaterThan(0);
    expect(
      rows.every((row) => row.webhook.event_type === 'call.answered' && row.schema_version === 1),
    ).toBe(true);
    const table = await sb('deliveries', 'list', '--status', 'delivered');
    expect(table.stdout.split('\n')[0]).toMatch(/^ID\s+STATUS\s+EVENT\s+TRIES\s+LAST\s+STARTED$/);
    const id = rows[0]?.id ?? '';
    expect((await sb('deliveries', 'get', id)).stdout).toContain('#1');
    const retried = await sb('deliveries', 'retry', id);
    expect(retried.code).toBe(0);
    expect(retried.stdout).toContain('queued again');
  });

  it('applications create takes a chaos profile as flags', async () => {
    const created = jsonLines(
      await sb(
        'applications',
        'create',
        '--name',
        'chaotic',
        '--webhook-url',
        cli.receiver.url,
        '--fail-first',
        '2',
        '--seed',
        '5',
        '--format',
        'json',
      ),
    );
    expect(created[0]?.['switchboard_chaos']).toMatchObject({ fail_first: 2, seed: 5 });
  });

  it('applications, phone-numbers and simulate drive an inbound call to the app', async () => {
    const created = jsonLines(
      await sb(
        'applications',
        'create',
        '--name',
        'cli-app',
        '--webhook-url',
        cli.receiver.url,
        '--format',
        'json',
      ),
    );
    const connectionId = String(created[0]?.['id']);
    expect((await sb('applications', 'list')).stdout).toContain('cli-app');
    const added = await sb('phone-numbers', 'add', '+13125550777', '--connection-id', connectionId);
    expect(added.code).toBe(0);
    expect((await sb('phone-numbers', 'list')).stdout).toContain('+13125550777');
    const before = cli.receiver.received.length;
    const call = jsonLines(
      await sb(
        'simulate',
        'call',
        '--connection-id',
        connectionId,
        '--from',
        '+13125550100',
        '--to',
        '+13125550777',
        '--format',
        'json',
      ),
    );
    const callId = String(call[0]?.['call_control_id']);
    await cli.receiver.waitFor(before + 1);
    expect((await sb('simulate', 'hangup', callId)).code).toBe(0);
    const arrived = (await cli.receiver.waitFor(before + 2)).slice(before);
    const types = arrived.map(
      (request) =>
        (JSON.parse(request.body.toString('utf8')) as { data: { event_type: string } }).data
          .event_type,
    );
    expect(types).toEqual(['call.initiated', 'call.hangup']);
  });

  it('simulate call without --connection-id reaches the application of the number called', async () => {
    const created = jsonLines(
      await sb(
        'applications',
        'create',
        '--name',
        'by-number',
        '--webhook-url',
        cli.receiver.url,
        '--format',
        'json',
      ),
    );
    const connectionId = String(created[0]?.['id']);
    expect(
      (await sb('phone-numbers', 'add', '+13125550778', '--connection-id', connectionId)).code,
    ).toBe(0);
    const before = cli.receiver.received.length;
    const call = jsonLines(
      await sb(
        'simulate',
        'call',
        '--from',
        '+13125550100',
        '--to',
        '+13125550778',
        '--format',
        'json',
      ),
    );
    const arrived = (await cli.receiver.waitFor(before + 1)).slice(before);
    const first = JSON.parse(arrived[0]?.body.toString('utf8') ?? '{}') as {
      data: { event_type: string };
    };
    expect(first.data.event_type).toBe('call.initiated');
    expect((await sb('simulate', 'hangup', String(call[0]?.['call_control_id']))).code).toBe(0);
    await cli.receiver.waitFor(before + 2);
  });

  it('a wrong key, an unreachable server and a bad flag each give one clear line', async () => {
    const refused = await runSwitchboard([
      'env',
      '--server',
      cli.server.url,
      '--api-key',
      'KEYwrong',
    ]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^switchboard: The API key was refused: .*\n$/);
    const closed = await startReceiver();
    await closed.close();
    const unreachable = await runSwitchboard([
      'deliveries',
      'list',
      '--server',
      closed.url.replace('/webhooks', ''),
      '--api-key',
      'KEYx',
    ]);
    expect(unreachable.code).toBe(1);
    expect(unreachable.stderr).toContain('Cannot reach the Switchboard server at');
    expect(unreachable.stderr).toContain('start it with `switchboard serve` or pass --server');
    const usage = await runSwitchboard(['trigger', 'call.hangup', '--no-such-flag']);
    expect(usage.code).toBe(2);
    const noTarget = await sb('trigger', 'call.hangup');
    expect(noTarget.code).toBe(2);
    for (const result of [refused, unreachable, usage, noTarget])
      expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});

import { describe, expect, it } from 'vitest';
import { cliBuilt, useCliServer, type CliResult } from './support/cli-harness.js';

const built = cliBuilt();
/** `simulate call` into the app's number; the script comes next. */
const CALL = ['simulate', 'call', '--from', '+14155550100', '--to', '+13125557777', '--script'];

describe.skipIf(!built)('switchboard and TeXML applications', () => {
  const cli = useCliServer();
  const { sb } = cli;
  const firstJson = (result: CliResult): Record<string, unknown> =>
    JSON.parse(result.stdout.trim().split('\n')[0] ?? '{}') as Record<string, unknown>;

  it('creates and lists one, calls its number, and triggers the texml-inbound flow', async () => {
    const created = firstJson(
      await sb(
        'texml-applications',
        'create',
        '--name',
        'cli-ivr',
        '--voice-url',
        cli.receiver.url,
        '--format',
        'json',
      ),
    );
    const id = String(created['id']);
    expect(created).toMatchObject({ friendly_name: 'cli-ivr', voice_method: 'post' });
    expect((await sb('texml-applications', 'list')).stdout).toContain('cli-ivr');
    expect((await sb('phone-numbers', 'add', '+13125557777', '--connection-id', id)).code).toBe(0);
    const call = firstJson(await sb(...CALL, '[{"dtmf":"1"}]', '--format', 'json'));
    const [fetched] = await cli.receiver.waitFor(1);
    const params = new URLSearchParams(fetched?.body.toString('utf8'));
    expect(params.get('CallSid')).toBe(call['call_control_id']);
    expect(params.get('To')).toBe('+13125557777');
    const triggered = await sb('trigger', '--flow', 'texml-inbound', '--connection-id', id);
    expect(triggered.code).toBe(0);
    expect(triggered.stdout).toContain('TeXML call v3:');
    await cli.receiver.waitFor(2);
    const bad = await sb(...CALL, 'nope');
    expect(bad.code).not.toBe(0);
    expect((await sb('trigger', '--flow', 'texml-inbound')).stderr).toContain('--connection-id');
  });

  it('takes --voice-method in either case and refuses any other method before calling', async () => {
    const base = ['texml-applications', 'create', '--name', 'by-get', '--voice-url'] as const;
    const created = firstJson(
      await sb(...base, cli.receiver.url, '--voice-method', 'GET', '--format', 'json'),
    );
    expect(created).toMatchObject({ voice_method: 'get' });
    const refused = await sb(...base, cli.receiver.url, '--voice-method', 'PUT');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--voice-method is get or post');
  });
});

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateKeyPair, signStandardWebhook } from '@switchboard/core';
import { afterAll, describe, expect, it } from 'vitest';
import { cliBuilt, runSwitchboard } from './support/cli-harness.js';

const BODY = JSON.stringify({ data: { event_type: 'call.initiated', id: 'e1', payload: {} } });
const dirs: string[] = [];

afterAll(async () => {
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

/**
 * What a developer sees who signed test webhooks for an SDK whose `unwrap` checks Standard
 * Webhooks HMAC (telnyx-python 4.x without its Ed25519 path), then asks `verify` why Telnyx's
 * key rejects them.
 */
describe.skipIf(!cliBuilt())('switchboard verify on Standard Webhooks HMAC headers', () => {
  it('names the scheme and points to the Ed25519 path of the SDK, exit 1', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'switchboard-verify-'));
    dirs.push(dir);
    const secret = `whsec_${Buffer.alloc(24, 3).toString('base64')}`;
    const headers = signStandardWebhook({ id: 'msg_1', body: BODY, key: secret });
    await writeFile(join(dir, 'body.json'), BODY);
    await writeFile(join(dir, 'headers.json'), JSON.stringify(headers));
    const files = [
      '--body-file',
      join(dir, 'body.json'),
      '--headers-file',
      join(dir, 'headers.json'),
    ];
    const result = await runSwitchboard([
      'verify',
      ...files,
      '--public-key',
      generateKeyPair().publicKey,
    ]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('(standard_webhooks_hmac)');
    expect(result.stdout).toMatch(/fix: .*import telnyx\.lib/);
  });
});

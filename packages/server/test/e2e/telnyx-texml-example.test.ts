import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TexmlServer } from '../emulator/texml/support/texml-server.js';
import { freePort } from '../server/support/free-port.js';

/**
 * Telnyx's own `texml-dynamic-call-router-python` (telnyx-code-examples), unmodified, against
 * Switchboard. Its source is not in this repository: the test runs only where
 * SWITCHBOARD_TEXML_EXAMPLE_DIR names a checkout of it (docs/texml.md says how).
 */
const EXAMPLE_DIR = process.env['SWITCHBOARD_TEXML_EXAMPLE_DIR'] ?? '';
const RUNNER = join(
  dirname(fileURLToPath(import.meta.url)),
  '../../../../examples/telnyx-texml-example/run.mjs',
);

let s: TexmlServer;
beforeAll(async () => {
  if (EXAMPLE_DIR !== '') s = await TexmlServer.start();
});
afterAll(async () => {
  if (EXAMPLE_DIR !== '') await s.close();
});

describe.skipIf(EXAMPLE_DIR === '')("Telnyx's TeXML dynamic call router example", () => {
  it('answers every call with TeXML that Switchboard runs to the end', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, [RUNNER], {
      env: {
        ...process.env,
        TELNYX_BASE_URL: `${s.url}/v2`,
        TELNYX_API_KEY: s.server.apiKey ?? '',
        SWITCHBOARD_TEXML_EXAMPLE_DIR: EXAMPLE_DIR,
        EXAMPLE_PORT: String(port),
      },
    });
    const output: string[] = [];
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code, output.join('')).toBe(0);
  }, 60_000);
});

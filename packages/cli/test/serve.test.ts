import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');
const BIN = join(ROOT, 'packages/cli/bin/switchboard.js');
const children: ChildProcess[] = [];

afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
});

/** Runs the built CLI (npm test builds with `tsc -b` before vitest). */
function spawnCli(args: string[], env: Record<string, string> = {}): ChildProcess {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { ...process.env, SWITCHBOARD_LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  return child;
}

/** Collects stdout until `pattern` matches. */
function waitFor(child: ChildProcess, pattern: RegExp): Promise<RegExpExecArray> {
  let text = '';
  return new Promise((resolvePromise, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      text += chunk.toString('utf8');
      const match = pattern.exec(text);
      if (match !== null) resolvePromise(match);
    });
    child.on('exit', (code) => {
      reject(new Error(`exited with ${code}: ${text}`));
    });
  });
}

function exitCode(child: ChildProcess): Promise<number | null> {
  return new Promise((resolvePromise) =>
    child.on('exit', (code) => {
      resolvePromise(code);
    }),
  );
}

const built = existsSync(join(ROOT, 'packages/cli/dist/bin.js'));
if (!built && process.env['CI'] !== undefined) throw new Error('run `npx tsc -b` first');
if (!built) console.warn('skipping CLI tests: packages/cli/dist is missing (run `npx tsc -b`)');

describe.skipIf(!built)('switchboard serve', () => {
  it('starts on port 0, prints URL, key and public key, serves /health and stops on SIGTERM', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'switchboard-cli-'));
    const child = spawnCli(['serve', '--port', '0', '--data-dir', dataDir]);
    const match = await waitFor(
      child,
      /API base URL: (\S+)\/v2\nAPI key: (\S+)\n[\s\S]*Public key: (\S+)\n/,
    );
    const [, url, apiKey, publicKey] = match;
    expect(Buffer.from(publicKey ?? '', 'base64')).toHaveLength(32);
    expect((await readFile(join(dataDir, 'api_key'), 'utf8')).trim()).toBe(apiKey);

    const health = await fetch(`${url}/health`);
    expect(await health.json()).toEqual({ status: 'ok' });
    const key = await fetch(`${url}/switchboard/public_key`, {
      headers: { authorization: `Bearer ${apiKey}` },
    });
    expect(await key.json()).toEqual({ data: { public_key: publicKey } });

    const exited = exitCode(child);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('refuses invalid settings with a clear message and exit code 2', async () => {
    const child = spawnCli(['serve', '--port', 'eighty']);
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    expect(await exitCode(child)).toBe(2);
    expect(stderr).toContain('--port must be a whole number');
  });
});

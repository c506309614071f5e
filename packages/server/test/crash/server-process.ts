import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../../../..');
const BIN = join(ROOT, 'packages/cli/bin/switchboard.js');

/** Whether the CLI is built; spawning tests skip with a warning, or fail under CI. */
export function cliBuilt(): boolean {
  const built = existsSync(join(ROOT, 'packages/cli/dist/bin.js'));
  if (!built && process.env['CI'] !== undefined) throw new Error('run `npx tsc -b` first');
  if (!built) console.warn('skipping: packages/cli/dist is missing (run `npx tsc -b`)');
  return built;
}

/** A `switchboard` child process and what its banner said. */
export interface SwitchboardProcess {
  readonly child: ChildProcess;
  /** `http://127.0.0.1:<port>` (serve only). */
  readonly url: string;
  readonly publicKey: string;
}

/** Spawns `switchboard <args>` and waits for its banner (`serve`) or first output (`worker`). */
export async function spawnSwitchboard(
  args: readonly string[],
  env: Record<string, string>,
): Promise<SwitchboardProcess> {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    env: { PATH: process.env['PATH'] ?? '', SWITCHBOARD_LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const banner = await new Promise<string>((done, fail) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      if (/Public key: \S+\n/.test(out) || (args[0] === 'worker' && out.length > 0)) done(out);
    });
    child.on('exit', (code) => {
      fail(new Error(`switchboard ${args[0] ?? ''} exited (${String(code)}): ${stderr}${out}`));
    });
  });
  return {
    child,
    url: /listening on (http:\/\/\S+)/.exec(banner)?.[1] ?? '',
    publicKey: /Public key: (\S+)/.exec(banner)?.[1] ?? '',
  };
}

/** `kill -9` and wait until the process is gone. */
export async function killHard(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((done) => child.once('exit', done));
  child.kill('SIGKILL');
  await exited;
}

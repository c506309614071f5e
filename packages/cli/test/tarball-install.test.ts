import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliBuilt } from './support/cli-harness.js';
import { appEnv, installTarballApp, type TarballApp } from './support/tarball-app.js';
import { spawnWatched, stopAllSpawned } from './support/watched-process.js';

/** Every package users install; a new published package is one more name here. */
const PUBLISHED = [
  '@switchboard/cli',
  '@switchboard/client',
  '@switchboard/core',
  '@switchboard/server',
  '@switchboard/webhooks',
];

/** The user's app: verifies with `@switchboard/webhooks` and the key `switchboard env` wrote. */
const RECEIVER = `
import { createServer } from 'node:http';
import { createWebhookReceiver } from '@switchboard/webhooks';
import { createNodeHandler } from '@switchboard/webhooks/node';

const receiver = createWebhookReceiver({
  publicKey: process.env.TELNYX_PUBLIC_KEY,
  handlers: { '*': (event) => console.log('handled', event.data.event_type) },
});
const server = createServer(createNodeHandler(receiver));
server.listen(0, '127.0.0.1', () => console.log('listening on', server.address().port));
`;

/** Imports each specifier given as an argument; prints what failed and why. */
const IMPORT_ALL = `
const failed = [];
for (const specifier of process.argv.slice(2)) {
  await import(specifier).catch((error) => failed.push({ specifier, code: error.code, message: error.message }));
}
console.log(JSON.stringify(failed));
`;

const run = promisify(execFile);

interface Finished {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

describe.skipIf(!cliBuilt())('the published packages, installed from tarballs in a new app', () => {
  let work = '';
  let app: TarballApp;

  /** Runs a command in the app's directory, as its developer would, and waits for it. */
  async function inApp(command: string, args: readonly string[]): Promise<Finished> {
    try {
      const { stdout, stderr } = await run(command, args, { cwd: app.dir, env: appEnv() });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const { code, stdout = '', stderr = '' } = error as Partial<Finished>;
      return { code: code ?? -1, stdout, stderr };
    }
  }

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'switchboard-tarballs-'));
    app = await installTarballApp(work);
    await writeFile(join(app.dir, 'receiver.mjs'), RECEIVER);
    await writeFile(join(app.dir, 'import-all.mjs'), IMPORT_ALL);
  }, 120_000);

  afterAll(async () => {
    await stopAllSpawned();
    if (work !== '') await rm(work, { recursive: true, force: true });
  });

  it('packs every published package and none of the private ones', () => {
    expect(app.packages.map((pkg) => pkg.name).sort()).toEqual(PUBLISHED);
  });

  it('runs the quick start: serve, env --write .env, and trigger into an app that verifies', async () => {
    // The bin npx would run, started directly: npx does not pass SIGTERM on to it.
    const bin = join(app.dir, 'node_modules/.bin/switchboard');
    const serve = spawnWatched(bin, ['serve', '--port', '0'], { cwd: app.dir, env: appEnv() });
    const [, server = ''] = await serve.waitForOutput(/API base URL: (\S+)\/v2\n/);

    const env = await inApp('npx', ['switchboard', 'env', '--write', '.env', '--server', server]);
    expect(env).toMatchObject({
      code: 0,
      stderr: 'Wrote TELNYX_BASE_URL, TELNYX_API_KEY, TELNYX_PUBLIC_KEY to .env\n',
    });
    const dotenv = await readFile(join(app.dir, '.env'), 'utf8');
    expect(dotenv).toContain(`TELNYX_BASE_URL=${server}/v2\n`);
    expect(dotenv).toMatch(/^TELNYX_PUBLIC_KEY=\S{44}$/m);

    const receiver = spawnWatched(process.execPath, ['--env-file=.env', 'receiver.mjs'], {
      cwd: app.dir,
      env: appEnv(),
    });
    const [, port = ''] = await receiver.waitForOutput(/listening on (\d+)\n/);
    const to = `http://127.0.0.1:${port}/webhooks`;
    const trigger = await inApp('npx', [
      'switchboard',
      'trigger',
      '--flow',
      'inbound-call',
      '--server',
      server,
      '--to',
      to,
      '--format',
      'json',
    ]);
    expect(trigger).toMatchObject({ code: 0, stderr: '' });
    const sent = trigger.stdout
      .trim()
      .split('\n')
      .map((line) => (JSON.parse(line) as { event_type: string }).event_type);
    expect(sent.length).toBeGreaterThan(1);

    // Every event the engine sent arrived and passed the app's signature check.
    await receiver.waitForOutput(new RegExp(`(handled \\S+\\n){${sent.length}}`));
    const handled = receiver.stdout().match(/(?<=handled )\S+/g) ?? [];
    expect([...handled].sort()).toEqual([...sent].sort());
    expect(await serve.stop()).toBe(0);
  }, 60_000);

  it('imports every entry point of every package (adapters need their optional peers)', async () => {
    const specifiers: string[] = [];
    const optionalPeers = new Set<string>();
    for (const { name } of app.packages) {
      const manifest = JSON.parse(
        await readFile(join(app.dir, 'node_modules', name, 'package.json'), 'utf8'),
      ) as { exports: Record<string, unknown>; peerDependenciesMeta?: Record<string, unknown> };
      specifiers.push(...Object.keys(manifest.exports).map((path) => name + path.slice(1)));
      for (const peer of Object.keys(manifest.peerDependenciesMeta ?? {})) optionalPeers.add(peer);
    }
    const result = await inApp(process.execPath, ['import-all.mjs', ...specifiers]);
    const failed = JSON.parse(result.stdout) as { code: string; message: string }[];
    const missingPeer = (failure: { code: string; message: string }): boolean =>
      failure.code === 'ERR_MODULE_NOT_FOUND' &&
      [...optionalPeers].some((peer) =>
        failure.message.startsWith(`Cannot find package '${peer}'`),
      );
    expect(failed.filter((failure) => !missingPeer(failure))).toEqual([]);
    expect(specifiers).toContain('@switchboard/webhooks');
  }, 60_000);
});

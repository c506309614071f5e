// The server side of `npm run bench:media`: `startServer` from the compiled packages, as
// `switchboard serve` runs it, in a process of its own. Prints { url, apiKey } once listening.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadServerConfig, startServer } from '../packages/server/dist/index.js';

const dataDir = await mkdtemp(join(tmpdir(), 'switchboard-bench-media-'));
const loaded = loadServerConfig({ port: '0', host: '127.0.0.1', dataDir, logLevel: 'silent' }, {});
if (!loaded.ok) throw new Error(loaded.errors.join('; '));
const server = await startServer(loaded.config);
process.stdout.write(`${JSON.stringify({ url: server.url, apiKey: server.apiKey })}\n`);
process.on('SIGTERM', () => {
  void server.close().then(() => process.exit(0));
});

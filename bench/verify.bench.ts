// Verify throughput on one core: our verifyWebhook against the official telnyx SDK's Ed25519
// verifier (`TelnyxWebhook` from `telnyx/lib/webhooks`), on the same signed payloads, in one run.
// Run: npm run bench:verify  (rounds alternate between contenders so drift hits both alike).
// On Linux the process pins itself to one CPU with taskset: the SDK verifies through WebCrypto,
// which hops to the libuv thread pool, and on an otherwise idle second core that would measure
// two cores against one.
import { spawnSync } from 'node:child_process';
import { verify as nodeVerify } from 'node:crypto';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { TelnyxWebhook, unwrapWebhook } from 'telnyx/lib/webhooks';
import {
  buildTestEvent,
  generateKeyPair,
  KNOWN_EVENT_TYPES,
  serializeWebhookBody,
  signWebhook,
  verifySignature,
  verifyWebhook,
  importPublicKey,
} from '@switchboard/core';

const PAYLOADS = 1_000;
const ITERATIONS = Number(process.env['BENCH_ITERATIONS'] ?? 1_000);
const WARM_UP = 1_000;
const ROUNDS = 10;
const MAX_MS_PER_ROUND = 15_000;

interface Signed {
  readonly body: string;
  readonly headers: Record<string, string>;
}

const keys = generateKeyPair();
const timestamp = Math.floor(Date.now() / 1000);
const payloads: Signed[] = Array.from({ length: PAYLOADS }, (_, i) => {
  const type = KNOWN_EVENT_TYPES[i % KNOWN_EVENT_TYPES.length]!;
  const body = serializeWebhookBody(buildTestEvent(type), 'telnyx');
  return { body, headers: { ...signWebhook({ body, privateKey: keys.privateKey, timestamp }) } };
});

const sdk = new TelnyxWebhook(keys.publicKey);
const keyObject = importPublicKey(keys.publicKey);
// The floor of any Node verifier: only the Ed25519 check, no header, timestamp or base64 work.
const prepared = new Map(
  payloads.map((p) => [
    p,
    {
      content: Buffer.from(`${p.headers['telnyx-timestamp']!}|${p.body}`),
      signature: Buffer.from(p.headers['telnyx-signature-ed25519']!, 'base64'),
    },
  ]),
);
function bare(p: Signed): boolean {
  const { content, signature } = prepared.get(p)!;
  return nodeVerify(null, content, keyObject, signature);
}
const contenders: Record<string, (p: Signed) => Promise<unknown>> = {
  'switchboard verifyWebhook (verify + parse)': (p) =>
    verifyWebhook({ body: p.body, headers: p.headers, publicKey: keys.publicKey }),
  'switchboard verifySignature (verify only)': (p) =>
    verifySignature({ body: p.body, headers: p.headers, publicKey: keys.publicKey }),
  'telnyx SDK TelnyxWebhook#verify (verify only, instance reused)': (p) =>
    sdk.verify(p.body, p.headers),
  'telnyx SDK unwrapWebhook (verify + parse)': (p) =>
    unwrapWebhook(p.body, { headers: p.headers }, keys.publicKey),
  'ceiling: bare node:crypto verify, key and bytes prepared': (p) => Promise.resolve(bare(p)),
};

interface Rate {
  /** Verifies per wall-clock second. */
  readonly wall: number;
  /** Verifies per second of CPU time used by this process (all its threads). */
  readonly cpu: number;
}

// CPU time is reported next to wall time because the bench machine may be shared: other
// processes stretch wall time, but not the CPU time this process itself spends per verify.
async function round(run: (p: Signed) => Promise<unknown>, iterations = ITERATIONS): Promise<Rate> {
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  let done = 0;
  while (done < iterations && performance.now() - start < MAX_MS_PER_ROUND) {
    await run(payloads[done % PAYLOADS]!);
    done += 1;
  }
  const cpu = process.cpuUsage(cpuStart);
  const wallMs = performance.now() - start;
  return { wall: (done / wallMs) * 1000, cpu: (done / (cpu.user + cpu.system)) * 1e6 };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function main(): Promise<void> {
  for (const run of Object.values(contenders)) await round(run, WARM_UP); // JIT, key caches
  const rates = new Map<string, Rate[]>(Object.keys(contenders).map((name) => [name, []]));
  for (let r = 0; r < ROUNDS; r += 1) {
    for (const [name, run] of Object.entries(contenders)) rates.get(name)!.push(await round(run));
  }
  const medians = [...rates].map(([name, values]): [string, Rate] => [
    name,
    { wall: median(values.map((v) => v.wall)), cpu: median(values.map((v) => v.cpu)) },
  ]);
  report(new Map(medians));
}

function report(rates: ReadonlyMap<string, Rate>): void {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const pinned = process.env['BENCH_PINNED'] === '1' ? 'pinned to 1 CPU (taskset)' : 'NOT pinned';
  const load = os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
  console.log(
    `machine: ${cpu}, ${os.cpus().length} cores, Node ${process.version}, ${os.platform()}, ${pinned}`,
  );
  console.log(`date: ${new Date().toISOString()}, load average: ${load}`);
  console.log(
    `payloads: ${PAYLOADS} bodies (all 29 event types), ${ITERATIONS} verifies × ${ROUNDS} rounds, median`,
  );
  console.log('');
  console.log('| verifier | ops/s (wall) | ops per CPU-second |');
  console.log('|---|---:|---:|');
  for (const [name, rate] of rates)
    console.log(`| ${name} | ${format(rate.wall)} | ${format(rate.cpu)} |`);
  const [ours, oursOnly, sdk, sdkUnwrap] = [...rates.values()] as [Rate, Rate, Rate, Rate];
  console.log('');
  console.log('| ratio | wall | CPU |');
  console.log('|---|---:|---:|');
  console.log(ratio('verifyWebhook / SDK TelnyxWebhook#verify', ours, sdk));
  console.log(ratio('verifySignature / SDK TelnyxWebhook#verify', oursOnly, sdk));
  console.log(ratio('verifyWebhook / SDK unwrapWebhook', ours, sdkUnwrap));
}

function format(rate: number): string {
  return Math.round(rate).toLocaleString('en-US');
}

function ratio(label: string, a: Rate, b: Rate): string {
  return `| ${label} | ${(a.wall / b.wall).toFixed(2)}× | ${(a.cpu / b.cpu).toFixed(2)}× |`;
}

/** Re-runs this script under `taskset -c 0` once; returns false when that is not possible. */
function ranPinned(): boolean {
  if (process.platform !== 'linux' || process.env['BENCH_PINNED'] !== undefined) return false;
  const args = [...process.execArgv, ...process.argv.slice(1)];
  const child = spawnSync('taskset', ['-c', '0', process.execPath, ...args], {
    stdio: 'inherit',
    env: { ...process.env, BENCH_PINNED: '1' },
  });
  if (child.error !== undefined) return false;
  process.exitCode = child.status ?? 1;
  return true;
}

if (!ranPinned()) await main();

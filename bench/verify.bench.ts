// Verify throughput on one core: our verifyWebhook against the official telnyx SDK's Ed25519
// verifier (`TelnyxWebhook` from `telnyx/lib/webhooks`), on the same signed payloads, in one run.
// Run: npm run bench:verify  (rounds alternate between contenders so drift hits both alike).
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
} from '@switchboard/core';

const PAYLOADS = 1_000;
const ITERATIONS = Number(process.env['BENCH_ITERATIONS'] ?? 20_000);
const ROUNDS = 3;
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
const contenders: Record<string, (p: Signed) => Promise<unknown>> = {
  'switchboard verifyWebhook (verify + parse)': (p) =>
    verifyWebhook({ body: p.body, headers: p.headers, publicKey: keys.publicKey }),
  'switchboard verifySignature (verify only)': (p) =>
    verifySignature({ body: p.body, headers: p.headers, publicKey: keys.publicKey }),
  'telnyx SDK TelnyxWebhook#verify (verify only, instance reused)': (p) => sdk.verify(p.body, p.headers),
  'telnyx SDK unwrapWebhook (verify + parse)': (p) =>
    unwrapWebhook(p.body, { headers: p.headers }, keys.publicKey),
};

async function round(run: (p: Signed) => Promise<unknown>): Promise<number> {
  const start = performance.now();
  let done = 0;
  while (done < ITERATIONS && performance.now() - start < MAX_MS_PER_ROUND) {
    await run(payloads[done % PAYLOADS]!);
    done += 1;
  }
  return (done / (performance.now() - start)) * 1000;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function main(): Promise<void> {
  for (const run of Object.values(contenders)) await round(run); // warm-up: JIT, key caches
  const rates = new Map<string, number[]>(Object.keys(contenders).map((name) => [name, []]));
  for (let r = 0; r < ROUNDS; r += 1) {
    for (const [name, run] of Object.entries(contenders)) rates.get(name)!.push(await round(run));
  }
  report(new Map([...rates].map(([name, values]) => [name, median(values)])));
}

function report(rates: ReadonlyMap<string, number>): void {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  console.log(`machine: ${cpu}, ${os.cpus().length} cores, Node ${process.version}, ${os.platform()}`);
  console.log(`payloads: ${PAYLOADS} bodies (all 29 event types), ${ITERATIONS} verifies × ${ROUNDS} rounds, median`);
  console.log('');
  console.log('| verifier | ops/s |');
  console.log('|---|---:|');
  for (const [name, rate] of rates) console.log(`| ${name} | ${Math.round(rate).toLocaleString('en-US')} |`);
  const values = [...rates.values()];
  console.log('');
  console.log(`ratio verifyWebhook / SDK TelnyxWebhook#verify: ${(values[0]! / values[2]!).toFixed(2)}×`);
  console.log(`ratio verifySignature / SDK TelnyxWebhook#verify: ${(values[1]! / values[2]!).toFixed(2)}×`);
  console.log(`ratio verifyWebhook / SDK unwrapWebhook: ${(values[0]! / values[3]!).toFixed(2)}×`);
}

await main();

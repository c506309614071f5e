/**
 * The publish bench's receiver, a process of its own: `BENCH_ORIGINS` loopback ports (one origin
 * each) answering 200 once a body is read. Each body's `bench_t` gives its publish-to-delivery
 * latency. It talks to the bench over IPC: it announces its ports (`{ ready, ports }`), reports the count
 * delivered (`{ delivered }`) every few ms while it changes, and answers `reset` and `report`.
 */
import { listenOrigins } from './loopback-origins.js';
import { BENCH_T_PATTERN, nowUs, percentile } from './publish-clock.js';

export interface ReceiverReport {
  readonly delivered: number;
  /** Bodies without a readable `bench_t`. */
  readonly unreadable: number;
  readonly firstAtUs: number | null;
  readonly lastAtUs: number | null;
  readonly p50Ms: number | null;
  readonly p99Ms: number | null;
}

export type ReceiverMessage =
  | { readonly ready: true; readonly ports: readonly number[] }
  | { readonly delivered: number }
  | { readonly report: ReceiverReport };

const send = (message: ReceiverMessage): void => {
  process.send?.(message);
};

let latenciesUs: number[] = [];
let unreadable = 0;
let firstAtUs: number | null = null;
let lastAtUs: number | null = null;

function arrived(body: string): void {
  const at = nowUs();
  firstAtUs ??= at;
  lastAtUs = at;
  const match = BENCH_T_PATTERN.exec(body);
  if (match?.[1] === undefined) unreadable += 1;
  else latenciesUs.push(at - Number(match[1]));
}

const ports = await listenOrigins(Number(process.env['BENCH_ORIGINS'] ?? '4'), arrived);

process.on('message', (message: 'reset' | 'report') => {
  if (message === 'reset') {
    latenciesUs = [];
    unreadable = 0;
    firstAtUs = null;
    lastAtUs = null;
    return;
  }
  const sorted = [...latenciesUs].sort((a, b) => a - b);
  const ms = (us: number | null): number | null => (us === null ? null : us / 1000);
  send({
    report: {
      delivered: sorted.length + unreadable,
      unreadable,
      firstAtUs,
      lastAtUs,
      p50Ms: ms(percentile(sorted, 0.5)),
      p99Ms: ms(percentile(sorted, 0.99)),
    },
  });
});

let told = -1;
setInterval(() => {
  const delivered = latenciesUs.length + unreadable;
  if (delivered === told) return;
  told = delivered;
  send({ delivered });
}, 5).unref();

// Ends with the bench: the IPC channel closes when the parent goes.
process.on('disconnect', () => process.exit(0));
send({ ready: true, ports });

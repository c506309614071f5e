/**
 * The soak bench's server under test: a real `switchboard serve` child process (the built CLI,
 * as an operator runs it), and a sampler of its memory read from its own `/metrics` port
 * (prom-client's `process_resident_memory_bytes` and `nodejs_heap_size_used_bytes`).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const BIN = join(ROOT, 'packages/cli/bin/switchboard.js');
const STOP_TIMEOUT_MS = 20_000;

export interface ServeProcess {
  readonly child: ChildProcess;
  /** `http://127.0.0.1:<port>`. */
  readonly url: string;
  readonly apiKey: string;
  readonly metricsUrl: string;
  /** SIGTERM, then the exit code. */
  stop(): Promise<number | null>;
}

/** Starts `switchboard serve` on a free port with `dataDir`, and waits for its banner. */
export function startServe(dataDir: string, extraArgs: readonly string[]): Promise<ServeProcess> {
  const args = ['serve', '--port', '0', '--metrics-port', '0', '--data-dir', dataDir];
  // Node or V8 flags for the server only (to compare heap settings), never the bench's own.
  const nodeArgs = (process.env['BENCH_SERVE_NODE_ARGS'] ?? '').split(' ').filter((a) => a !== '');
  const child = spawn(process.execPath, [...nodeArgs, BIN, ...args, ...extraArgs], {
    cwd: ROOT,
    env: { ...process.env, SWITCHBOARD_LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<number | null>((done) => child.on('exit', done));
  let banner = '';
  return new Promise((done, fail) => {
    child.stdout.on('data', (chunk: Buffer) => {
      banner += chunk.toString('utf8');
      const url = /API base URL: (\S+)\/v2\n/.exec(banner)?.[1];
      const apiKey = /API key: (\S+)\n/.exec(banner)?.[1];
      const metricsUrl = /Metrics \(no auth\): (\S+)\n/.exec(banner)?.[1];
      if (url === undefined || apiKey === undefined || metricsUrl === undefined) return;
      done({
        child,
        url,
        apiKey,
        metricsUrl,
        stop: () => {
          child.kill('SIGTERM');
          // Bounded: a server that does not stop in time is killed, and says so by its code.
          const kill = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
          return exited.finally(() => {
            clearTimeout(kill);
          });
        },
      });
    });
    void exited.then((code) => {
      fail(new Error(`serve exited with ${String(code)}: ${banner}`));
    });
  });
}

/** One reading of the server's memory, in bytes. */
export interface MemoryReading {
  readonly rss: number;
  readonly heapUsed: number;
}

/** Reads the server's resident set and used V8 heap from its metrics port. */
export async function readMemory(metricsUrl: string): Promise<MemoryReading> {
  const text = await (await fetch(metricsUrl)).text();
  return {
    rss: metric(text, 'process_resident_memory_bytes'),
    heapUsed: metric(text, 'nodejs_heap_size_used_bytes'),
  };
}

function metric(text: string, name: string): number {
  const match = new RegExp(`^${name} (\\S+)$`, 'm').exec(text);
  if (match?.[1] === undefined) throw new Error(`/metrics has no ${name}`);
  return Number(match[1]);
}

/** Samples memory every `everyMs` until stopped; keeps the peak of each figure. */
export class MemorySampler {
  #peak: MemoryReading = { rss: 0, heapUsed: 0 };
  #timer: NodeJS.Timeout | null = null;
  #reading: Promise<void> = Promise.resolve();

  constructor(
    private readonly metricsUrl: string,
    private readonly everyMs: number,
  ) {}

  get peak(): MemoryReading {
    return this.#peak;
  }

  start(): void {
    this.#timer = setInterval(() => {
      // A reading missed under load is skipped; the next one still counts toward the peak.
      this.#reading = this.sample().then(
        () => undefined,
        () => undefined,
      );
    }, this.everyMs);
  }

  async stop(): Promise<void> {
    if (this.#timer !== null) clearInterval(this.#timer);
    this.#timer = null;
    await this.#reading;
  }

  /** One reading, which also counts toward the peak. */
  async sample(): Promise<MemoryReading> {
    const reading = await readMemory(this.metricsUrl);
    this.#peak = {
      rss: Math.max(this.#peak.rss, reading.rss),
      heapUsed: Math.max(this.#peak.heapUsed, reading.heapUsed),
    };
    return reading;
  }
}

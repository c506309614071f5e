/**
 * The dashboard's polling, for `dashboard-polling.ts`: the first Deliveries page (25 rows, as the
 * Deliveries page asks) and the overview figures (the Overview page's 1-minute buckets over the
 * last hour), each on its own interval, recording how long each request took.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { request } from 'undici';

export interface PollSummary {
  readonly requests: number;
  readonly failures: number;
  readonly p50Ms: number;
  readonly maxMs: number;
}

export interface Poller {
  /** Ends the loop after the poll in flight and summarises. */
  stop(): Promise<PollSummary>;
}

/** One polled request and how often it repeats. */
export interface Polled {
  readonly path: string;
  readonly everyMs: number;
}

/** The Deliveries page's first page (25 rows) and the Overview's 1-minute buckets of the last hour. */
export function dashboardPolls(listMs: number, statsMs: number): Polled[] {
  return [
    { path: '/v2/webhook_deliveries?page[number]=1&page[size]=25', everyMs: listMs },
    { path: '/switchboard/stats?bucket_secs=60', everyMs: statsMs },
  ];
}

/** Polls each path on its own schedule, as separate dashboard components do. */
export function startPoller(base: string, apiKey: string, polls: readonly Polled[]): Poller {
  const latencies: number[] = [];
  let failures = 0;
  const stopping = new AbortController();
  const timed = async (path: string): Promise<void> => {
    const started = performance.now();
    const reply = await request(`${base}${path}`, {
      headers: { authorization: `Bearer ${apiKey}` },
    });
    await reply.body.text();
    latencies.push(performance.now() - started);
    if (reply.statusCode !== 200) failures += 1;
  };
  const loop = async ({ path, everyMs }: Polled): Promise<void> => {
    while (!stopping.signal.aborted) {
      const started = performance.now();
      await timed(path);
      const wait = Math.max(0, everyMs - (performance.now() - started));
      await sleep(wait, undefined, { signal: stopping.signal }).catch(() => undefined);
    }
  };
  const running = Promise.all(polls.map(loop));
  return {
    async stop() {
      stopping.abort();
      await running;
      const sorted = [...latencies].sort((a, b) => a - b);
      return {
        requests: sorted.length,
        failures,
        p50Ms: sorted[Math.floor(sorted.length / 2)] ?? 0,
        maxMs: sorted.at(-1) ?? 0,
      };
    },
  };
}

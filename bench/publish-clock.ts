/**
 * The publish bench's clock: microseconds of the machine's monotonic clock, which every process
 * of the run reads alike (Linux CLOCK_MONOTONIC), so a time taken by the publisher and one taken
 * by the receiver in another process can be subtracted.
 */
export function nowUs(): number {
  return Number(process.hrtime.bigint() / 1_000n);
}

/** Where the receiver finds an event's publish time in any body: `"bench_t": 123` or `"bench_t":123`. */
export const BENCH_T_PATTERN = /"bench_t":\s*(\d+)/;

/** The event every contender publishes: a Telnyx `call.initiated` carrying its publish time. */
export interface BenchEvent {
  readonly event_type: 'call.initiated';
  readonly payload: {
    readonly call_control_id: string;
    readonly connection_id: string;
    readonly from: string;
    readonly to: string;
    readonly state: string;
    /** {@link nowUs} when the application published it. */
    readonly bench_t: number;
  };
  readonly webhook_url: string;
}

export function benchEvent(n: number, urls: readonly string[], publishedAt: number): BenchEvent {
  return {
    event_type: 'call.initiated',
    payload: {
      call_control_id: `v3:bench-${n}`,
      connection_id: '1',
      from: '+15550100',
      to: '+15550101',
      state: 'parked',
      bench_t: publishedAt,
    },
    webhook_url: urls[n % urls.length] ?? '',
  };
}

/** The sample at quantile `p` of ascending `sorted`, or null when empty. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? null;
}

import type { Command } from 'commander';
import { UsageError } from '../client/cli-error.js';

/** The `chaos` field of `POST /switchboard/events`: faults the engine injects for this event. */
export interface ChaosProfile {
  duplicate?: number;
  reorder?: boolean;
  delay?: { min_ms: number; max_ms: number };
  fail_first?: number;
  stale_timestamp?: boolean;
  clock_skew_secs?: number;
  concurrency?: number;
  seed?: number;
}

/** The chaos flags as commander parses them. */
export interface ChaosFlags {
  readonly duplicate?: string;
  readonly reorder?: boolean;
  readonly delay?: string;
  readonly failFirst?: string;
  readonly staleTimestamp?: boolean;
  readonly clockSkew?: string;
  readonly concurrency?: string;
  readonly seed?: string;
}

/** Adds the fault-injection flags to `trigger` and `listen`. */
export function addChaosOptions(command: Command): Command {
  return command
    .option('--duplicate <p>', 'probability (0-1) of a second delivery of the same event')
    .option('--reorder', 'hold and shuffle a window of events')
    .option('--delay <min-max>', 'delay each delivery by MIN-MAX ms, e.g. 100-2000')
    .option('--fail-first <n>', 'count the first N tries as failed (exercises retries, failover)')
    .option('--stale-timestamp', 'sign with a timestamp outside the 5-minute tolerance')
    .option('--clock-skew <±Ns>', 'shift the signing timestamp, e.g. +30s or -90s')
    .option('--concurrency <n>', 'send up to N deliveries at once')
    .option('--seed <n>', 'seed for the random choices, so a run is reproducible');
}

/** The chaos profile the flags ask for, or undefined when chaos is off (the default). */
export function chaosFrom(flags: ChaosFlags): ChaosProfile | undefined {
  const chaos: ChaosProfile = {};
  if (flags.duplicate !== undefined) chaos.duplicate = probability(flags.duplicate);
  if (flags.reorder === true) chaos.reorder = true;
  if (flags.delay !== undefined) chaos.delay = delayRange(flags.delay);
  if (flags.failFirst !== undefined) chaos.fail_first = whole(flags.failFirst, '--fail-first');
  if (flags.staleTimestamp === true) chaos.stale_timestamp = true;
  if (flags.clockSkew !== undefined) chaos.clock_skew_secs = skewSeconds(flags.clockSkew);
  if (flags.concurrency !== undefined)
    chaos.concurrency = whole(flags.concurrency, '--concurrency', 1);
  if (flags.seed !== undefined) chaos.seed = whole(flags.seed, '--seed');
  return Object.keys(chaos).length === 0 ? undefined : chaos;
}

function probability(text: string): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value < 0 || value > 1) {
    throw new UsageError(`--duplicate takes a probability between 0 and 1 (got "${text}")`);
  }
  return value;
}

function delayRange(text: string): { min_ms: number; max_ms: number } {
  const match = /^(\d+)(?:-(\d+))?$/.exec(text.trim());
  const min = Number(match?.[1]);
  const max = match?.[2] === undefined ? min : Number(match[2]);
  if (match === null || max < min) {
    throw new UsageError(`--delay takes MIN-MAX in milliseconds, e.g. 100-2000 (got "${text}")`);
  }
  return { min_ms: min, max_ms: max };
}

function skewSeconds(text: string): number {
  const match = /^([+-]?\d+)s?$/.exec(text.trim());
  if (match?.[1] === undefined) {
    throw new UsageError(`--clock-skew takes ±N seconds, e.g. +30s or -90s (got "${text}")`);
  }
  return Number(match[1]);
}

function whole(text: string, flag: string, min = 0): number {
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || value < min || !Number.isSafeInteger(value)) {
    throw new UsageError(
      `${flag} takes a whole number${min > 0 ? ` of at least ${min}` : ''} (got "${text}")`,
    );
  }
  return value;
}

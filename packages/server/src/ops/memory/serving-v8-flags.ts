import { setFlagsFromString } from 'node:v8';

/** Each major collection lets the heap grow by half of what survived it (V8 allows up to 4×). */
export const HEAP_GROWING_PERCENT = 50;

/**
 * The V8 flags `switchboard serve` and `switchboard worker` set at start-up, less any the process
 * was started with (`node --heap-growing-percent=N …`), which are then left alone. Both flags are
 * read at each collection, so setting them at start-up takes effect; see docs/decisions.md.
 *
 * - `--heap-growing-percent`: under load V8 otherwise lets the heap reach about four times what is
 *   live before a major collection (`bench:soak`: 120–160 MB of heap for 40–60 MB live, RSS
 *   270–315 MB); at 50% it stays near 1.5×. It is not a cap: a process that needs more gets it.
 * - `--no-allocation-site-pretenuring`: a burst of deliveries in flight when a young collection
 *   runs makes V8 decide that the objects of a delivery live long, and allocate them in the old
 *   generation from then on. Every delivery then adds to the old generation, and with the bound
 *   above a full collection came every 3 s at 1,000 publishes/s, each delaying requests by
 *   10–40 ms (`bench:publish`'s open loop). They die young; without pretenuring, they do so in
 *   the young generation.
 */
export function servingV8Flags(execArgv: readonly string[]): string[] {
  const flags: string[] = [];
  if (!given(execArgv, 'heap-growing-percent'))
    flags.push(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  if (!given(execArgv, 'allocation-site-pretenuring'))
    flags.push('--no-allocation-site-pretenuring');
  return flags;
}

/** Sets {@link servingV8Flags}; for the processes `serve` and `worker` own. */
export function useServingV8Flags(execArgv: readonly string[] = process.execArgv): void {
  for (const flag of servingV8Flags(execArgv)) setFlagsFromString(flag);
}

/** Whether `--name`, `--no-name` or `--name=…` is among the arguments, `-` and `_` alike. */
function given(execArgv: readonly string[], name: string): boolean {
  const pattern = new RegExp(`^--(no[-_])?${name.replaceAll('-', '[-_]')}(=|$)`);
  return execArgv.some((arg) => pattern.test(arg));
}

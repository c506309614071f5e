import { setFlagsFromString } from 'node:v8';

/** Each major collection lets the heap grow by half of what survived it (V8 allows up to 4×). */
export const HEAP_GROWING_PERCENT = 50;

/**
 * The V8 flag that bounds how far the heap may grow past what is live, or null when the process
 * was started with its own (`node --heap-growing-percent=N …`), which is then left alone.
 */
export function heapGrowthFlag(execArgv: readonly string[]): string | null {
  const given = execArgv.some((arg) => /^--heap[-_]growing[-_]percent(=|$)/.test(arg));
  return given ? null : `--heap-growing-percent=${HEAP_GROWING_PERCENT}`;
}

/**
 * For the processes `switchboard serve` and `switchboard worker` own. Under load V8 otherwise
 * lets the heap reach about four times what is live before a major collection (`bench:soak`:
 * 120–160 MB of heap for 40–60 MB live, RSS 270–315 MB); at 50% it stays near 1.5×. The flag is
 * read at each collection, so setting it at start-up takes effect; it is not a cap, and a process
 * that needs more memory still gets it. See docs/decisions.md.
 */
export function limitHeapGrowth(execArgv: readonly string[] = process.execArgv): void {
  const flag = heapGrowthFlag(execArgv);
  if (flag !== null) setFlagsFromString(flag);
}

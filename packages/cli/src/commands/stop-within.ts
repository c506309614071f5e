import type { CliIo } from '../cli-io.js';
import { reportStartFailure } from './config-options.js';

/** Past the grace period, how long a stop may take before the process is ended regardless. */
export const STOP_MARGIN_MS = 5_000;

/**
 * Stops a running server or worker after SIGINT or SIGTERM. The stop is bounded by itself (the
 * grace period, then a deadline for each stuck step); should anything still hold the process
 * `STOP_MARGIN_MS` past the grace period, it exits with code 1 and says so. The timer does not
 * keep a process that stopped cleanly alive.
 */
export async function stopWithin(
  close: () => Promise<void>,
  graceMs: number,
  io: CliIo,
  exit: (code: number) => void = (code) => process.exit(code),
): Promise<void> {
  io.out('Stopping…');
  const limitMs = graceMs + STOP_MARGIN_MS;
  const watchdog = setTimeout(() => {
    io.err(`switchboard: did not stop within ${limitMs} ms; exiting`);
    exit(1);
  }, limitMs);
  watchdog.unref();
  try {
    await close();
  } catch (error) {
    reportStartFailure(error, io);
  }
}

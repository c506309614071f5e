import type { CliIo } from '../cli-io.js';
import { CliError, EXIT_FAILED } from '../client/cli-error.js';

/**
 * Runs a command's body and turns any failure into one line on stderr and an exit code:
 * `CliError`s keep their own (1 failed, 2 usage); anything else is 1. Never a stack trace.
 */
export async function runAction(io: CliIo, body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (error) {
    process.exitCode = reportError(error, io);
  }
}

/** Prints `error` as one line and returns the exit code it deserves. */
export function reportError(error: unknown, io: CliIo): number {
  if (error instanceof CliError) {
    io.err(`switchboard: ${error.message}`);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.err(`switchboard: ${message.split('\n')[0] ?? message}`);
  return EXIT_FAILED;
}

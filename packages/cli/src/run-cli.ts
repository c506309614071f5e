import { CommanderError, type Command } from 'commander';
import { processIo, type CliIo } from './cli-io.js';
import { buildCli } from './cli.js';
import { EXIT_USAGE } from './client/cli-error.js';
import { reportError } from './commands/run-action.js';

const CLEAN_EXITS = new Set(['commander.helpDisplayed', 'commander.version']);

/**
 * Parses `argv` and runs the command. Resolves to the exit code: 0 ok, 1 failed, 2 usage
 * (commander has already printed why). Commands that keep running (serve, listen) resolve
 * once started; the process stays up while they hold handles.
 */
export async function runCli(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  const program = throwOnExit(buildCli(io));
  try {
    await program.parseAsync([...argv]);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) return CLEAN_EXITS.has(error.code) ? 0 : EXIT_USAGE;
    return reportError(error, io);
  }
}

// exitOverride is not inherited by commands added with addCommand, so it is set on each.
function throwOnExit(command: Command): Command {
  command.exitOverride();
  for (const sub of command.commands) throwOnExit(sub);
  return command;
}

import { Command } from 'commander';
import { processIo, type CliIo } from './cli-io.js';
import { serveCommand } from './commands/serve.js';
import { workerCommand } from './commands/worker.js';

/** The `switchboard` program with all its commands; `io` defaults to the real process. */
export function buildCli(io: CliIo = processIo()): Command {
  return new Command('switchboard')
    .description('Telnyx-compatible webhook platform')
    .addCommand(serveCommand(io))
    .addCommand(workerCommand(io));
}

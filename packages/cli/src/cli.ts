import { Command } from 'commander';
import { processIo, type CliIo } from './cli-io.js';
import { applicationsCommand } from './commands/applications.js';
import { texmlApplicationsCommand } from './commands/texml-applications.js';
import { deliveriesCommand } from './commands/deliveries.js';
import { envCommand } from './commands/env.js';
import { listenCommand } from './commands/listen.js';
import { phoneNumbersCommand } from './commands/phone-numbers.js';
import { replayCommand } from './commands/replay.js';
import { serveCommand } from './commands/serve.js';
import { simulateCommand } from './commands/simulate.js';
import { templatesCommand } from './commands/templates.js';
import { triggerCommand } from './commands/trigger.js';
import { verifyCommand } from './commands/verify.js';
import { workerCommand } from './commands/worker.js';

/** The `switchboard` program with all its commands; `io` defaults to the real process. */
export function buildCli(io: CliIo = processIo()): Command {
  return new Command('switchboard')
    .description('Telnyx-compatible webhook platform')
    .addCommand(serveCommand(io))
    .addCommand(workerCommand(io))
    .addCommand(envCommand(io))
    .addCommand(listenCommand(io))
    .addCommand(triggerCommand(io))
    .addCommand(templatesCommand(io))
    .addCommand(replayCommand(io))
    .addCommand(verifyCommand(io))
    .addCommand(deliveriesCommand(io))
    .addCommand(simulateCommand(io))
    .addCommand(phoneNumbersCommand(io))
    .addCommand(applicationsCommand(io))
    .addCommand(texmlApplicationsCommand(io));
}

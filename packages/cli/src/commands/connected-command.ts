import { Command } from 'commander';
import { addConnectionOptions } from '../client/connection-options.js';
import { addFormatOption } from '../output/output.js';

/** A command that talks to a server: `--server`, `--api-key`, `--data-dir` and `--format`. */
export function connectedCommand(name: string, description: string): Command {
  return addFormatOption(addConnectionOptions(new Command(name).description(description)));
}

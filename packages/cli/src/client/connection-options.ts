import type { Command } from 'commander';
import type { CliIo } from '../cli-io.js';
import { SwitchboardClient } from './switchboard-client.js';

/** The server a command talks to when neither --server nor SWITCHBOARD_URL is set. */
export const DEFAULT_SERVER_URL = 'http://127.0.0.1:7700';

/** The options `addConnectionOptions` adds, as commander parses them. */
export interface ConnectionOptions {
  readonly server?: string;
  readonly apiKey?: string;
  readonly dataDir?: string;
}

/** Adds `--server`, `--api-key` and `--data-dir` to a command that talks to a server. */
export function addConnectionOptions(command: Command): Command {
  return command
    .option(
      '--server <url>',
      `Switchboard server URL (env SWITCHBOARD_URL, default ${DEFAULT_SERVER_URL})`,
    )
    .option('--api-key <key>', 'API key (env SWITCHBOARD_API_KEY; default: the data dir key file)')
    .option('--data-dir <dir>', 'data dir of a local `switchboard serve` (its api_key file)');
}

/** The server URL from the flag, the environment or the default. */
export function serverUrl(options: ConnectionOptions, io: CliIo): string {
  return options.server ?? io.env['SWITCHBOARD_URL'] ?? DEFAULT_SERVER_URL;
}

/** A client for the command's connection options; the key is looked up on first request. */
export function clientFrom(options: ConnectionOptions, io: CliIo): SwitchboardClient {
  return new SwitchboardClient({
    server: serverUrl(options, io),
    keyLookup: { flag: options.apiKey, env: io.env, dataDir: options.dataDir },
  });
}

import { readFile, writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import type { CliIo } from '../cli-io.js';
import { clientFrom, type ConnectionOptions } from '../client/connection-options.js';
import type { SwitchboardClient } from '../client/switchboard-client.js';
import { mergeEnvFile } from '../env/merge-env-file.js';
import { createOutput, formatOf } from '../output/output.js';
import { connectedCommand } from './connected-command.js';
import { runAction } from './run-action.js';

interface EnvOptions extends ConnectionOptions {
  readonly write?: string;
  readonly format?: string;
}

/**
 * `switchboard env [--write .env]`: the three variables the official Telnyx SDKs read, so an
 * existing app runs against Switchboard with no code change.
 */
export function envCommand(io: CliIo): Command {
  return connectedCommand('env', 'print TELNYX_BASE_URL, TELNYX_API_KEY and TELNYX_PUBLIC_KEY')
    .option('--write <file>', 'merge the variables into this file (other lines are kept)')
    .action((options: EnvOptions) => runAction(io, () => printEnv(options, io)));
}

async function printEnv(options: EnvOptions, io: CliIo): Promise<void> {
  const values = await telnyxEnv(clientFrom(options, io));
  const output = createOutput(io, formatOf(options));
  if (options.write !== undefined) {
    await writeFile(options.write, mergeEnvFile(await readOrEmpty(options.write), values));
    output.note(`Wrote ${Object.keys(values).join(', ')} to ${options.write}`);
  }
  output.record(
    Object.entries(values).map(([name, value]) => `${name}=${value}`),
    values,
  );
}

/** The account's Telnyx SDK variables, read from the server. */
export async function telnyxEnv(client: SwitchboardClient): Promise<Record<string, string>> {
  const key = await client.apiKey();
  const response = await client.call('getPublicKey', {});
  return {
    TELNYX_BASE_URL: `${client.server}/v2`,
    TELNYX_API_KEY: key.key,
    TELNYX_PUBLIC_KEY: response.data.public_key,
  };
}

async function readOrEmpty(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    // No file yet: --write creates it.
    return '';
  }
}

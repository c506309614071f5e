import { Command } from 'commander';
import type { CliIo } from '../cli-io.js';
import { clientFrom, type ConnectionOptions } from '../client/connection-options.js';
import type { CreateTexmlApplication } from '@switchboard/core/contract';
import { UsageError } from '../client/cli-error.js';
import { createOutput, formatOf } from '../output/output.js';
import { connectedCommand } from './connected-command.js';
import { text } from './phone-numbers.js';
import { runAction } from './run-action.js';

type Options = ConnectionOptions & { readonly format?: string };

interface CreateOptions extends Options {
  readonly name: string;
  readonly voiceUrl: string;
  readonly voiceMethod?: string;
  readonly fallbackUrl?: string;
  readonly statusCallback?: string;
}

/** `switchboard texml-applications list|create`: TeXML applications (a number's connection). */
export function texmlApplicationsCommand(io: CliIo): Command {
  return new Command('texml-applications')
    .description('list and create TeXML applications')
    .addCommand(listCommand(io))
    .addCommand(createCommand(io));
}

function listCommand(io: CliIo): Command {
  return connectedCommand('list', "list the account's TeXML applications").action(
    (options: Options) =>
      runAction(io, async () => {
        const listed = await clientFrom(options, io).call('listTexmlApplications', {
          query: { 'page[size]': 250 },
        });
        createOutput(io, formatOf(options)).table(
          [
            { header: 'ID', value: (row) => text(row['id']) },
            { header: 'NAME', value: (row) => text(row['friendly_name']) },
            { header: 'VOICE URL', value: (row) => text(row['voice_url']) },
          ],
          listed.data,
        );
      }),
  );
}

function createCommand(io: CliIo): Command {
  return connectedCommand('create', 'create a TeXML application; its id is the connection_id')
    .requiredOption('--name <name>', 'friendly name')
    .requiredOption('--voice-url <url>', 'where calls fetch their first document')
    .option('--voice-method <method>', 'get or post (default post)')
    .option('--fallback-url <url>', 'fetched when the voice URL fails')
    .option('--status-callback <url>', 'where call progress goes')
    .action((options: CreateOptions) =>
      runAction(io, async () => {
        const body: CreateTexmlApplication = {
          friendly_name: options.name,
          voice_url: options.voiceUrl,
          ...(options.voiceMethod === undefined
            ? {}
            : { voice_method: methodOf(options.voiceMethod) }),
          ...(options.fallbackUrl === undefined ? {} : { voice_fallback_url: options.fallbackUrl }),
          ...(options.statusCallback === undefined
            ? {}
            : { status_callback: options.statusCallback }),
        };
        const { data } = await clientFrom(options, io).call('createTexmlApplication', { body });
        createOutput(io, formatOf(options)).record(
          [`+ TeXML application ${text(data['id'])} ${options.name}`],
          data,
        );
      }),
    );
}

/** `--voice-method`, either case; applications spell methods lower-case. */
function methodOf(value: string): 'get' | 'post' {
  const method = value.toLowerCase();
  if (method === 'get' || method === 'post') return method;
  throw new UsageError(`--voice-method is get or post, not ${JSON.stringify(value)}`);
}

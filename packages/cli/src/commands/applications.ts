import type { CreateCallControlApplication } from '@switchboard/core/contract';
import { Command } from 'commander';
import type { CliIo } from '../cli-io.js';
import { clientFrom, type ConnectionOptions } from '../client/connection-options.js';
import { addChaosOptions, chaosFrom, type ChaosFlags } from '../chaos/chaos-flags.js';
import { createOutput, formatOf } from '../output/output.js';
import { connectedCommand } from './connected-command.js';
import { text } from './phone-numbers.js';
import { runAction } from './run-action.js';

type Options = ConnectionOptions & { readonly format?: string };

interface CreateOptions extends Options, ChaosFlags {
  readonly name: string;
  readonly webhookUrl: string;
  readonly failoverUrl?: string;
}

/** The `switchboard_chaos` profile the chaos flags describe, if any was given. */
function chaosField(flags: ChaosFlags): Pick<CreateCallControlApplication, 'switchboard_chaos'> {
  const chaos = chaosFrom(flags);
  return chaos === undefined ? {} : { switchboard_chaos: chaos };
}

/** `switchboard applications list|create`: Call Control applications (the `connection_id`s). */
export function applicationsCommand(io: CliIo): Command {
  return new Command('applications')
    .description('list and create Call Control applications')
    .addCommand(listCommand(io))
    .addCommand(createCommand(io));
}

function listCommand(io: CliIo): Command {
  return connectedCommand('list', "list the account's applications").action((options: Options) =>
    runAction(io, async () => {
      const listed = await clientFrom(options, io).call('listCallControlApplications', {
        query: { 'page[size]': 250 },
      });
      createOutput(io, formatOf(options)).table(
        [
          { header: 'ID', value: (row) => text(row['id']) },
          { header: 'NAME', value: (row) => text(row['application_name']) },
          { header: 'WEBHOOK URL', value: (row) => text(row['webhook_event_url']) },
        ],
        listed.data,
      );
    }),
  );
}

function createCommand(io: CliIo): Command {
  const command = connectedCommand('create', 'create an application; its id is the connection_id')
    .requiredOption('--name <name>', 'application name')
    .requiredOption('--webhook-url <url>', 'where its events go')
    .option('--failover-url <url>', 'tried when the webhook URL fails');
  return addChaosOptions(command).action((options: CreateOptions) =>
    runAction(io, () => create(io, options)),
  );
}

async function create(io: CliIo, options: CreateOptions): Promise<void> {
  const body: CreateCallControlApplication = {
    application_name: options.name,
    webhook_event_url: options.webhookUrl,
    ...(options.failoverUrl === undefined
      ? {}
      : { webhook_event_failover_url: options.failoverUrl }),
    ...chaosField(options),
  };
  const { data } = await clientFrom(options, io).call('createCallControlApplication', { body });
  createOutput(io, formatOf(options)).record(
    [`+ application ${text(data['id'])} ${options.name}`],
    data,
  );
}

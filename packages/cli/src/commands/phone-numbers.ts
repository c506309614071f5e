import { Command } from 'commander';
import type { CliIo } from '../cli-io.js';
import { clientFrom, type ConnectionOptions } from '../client/connection-options.js';
import { createOutput, formatOf, type Row } from '../output/output.js';
import { connectedCommand } from './connected-command.js';
import { runAction } from './run-action.js';

type Options = ConnectionOptions & { readonly format?: string };

/** `switchboard phone-numbers add|list`: the numbers the account owns in the emulator. */
export function phoneNumbersCommand(io: CliIo): Command {
  return new Command('phone-numbers')
    .description("add and list the account's phone numbers")
    .addCommand(addCommand(io))
    .addCommand(listCommand(io));
}

function addCommand(io: CliIo): Command {
  return connectedCommand('add', 'add a number (+E.164) to the account')
    .argument('<e164>')
    .option('--connection-id <id>', 'route calls to this Call Control application')
    .option('--messaging-profile-id <id>', 'route messages to this messaging profile')
    .action(
      (
        phoneNumber: string,
        options: Options & { connectionId?: string; messagingProfileId?: string },
      ) =>
        runAction(io, async () => {
          const body: Row = {
            phone_number: phoneNumber,
            ...(options.connectionId === undefined ? {} : { connection_id: options.connectionId }),
            ...(options.messagingProfileId === undefined
              ? {}
              : { messaging_profile_id: options.messagingProfileId }),
          };
          const { data } = await clientFrom(options, io).post<{ data: Row }>(
            '/switchboard/phone_numbers',
            body,
          );
          createOutput(io, formatOf(options)).record(
            [`+ ${phoneNumber} added (id ${String(data['id'])})`],
            data,
          );
        }),
    );
}

function listCommand(io: CliIo): Command {
  return connectedCommand('list', "list the account's numbers")
    .option('--page-size <n>', 'page size (up to 250)', '250')
    .action((options: Options & { pageSize: string }) =>
      runAction(io, async () => {
        const listed = await clientFrom(options, io).get<{ data: Row[] }>('/v2/phone_numbers', {
          'page[size]': options.pageSize,
        });
        createOutput(io, formatOf(options)).table(
          [
            { header: 'NUMBER', value: (row) => text(row['phone_number']) },
            { header: 'ID', value: (row) => text(row['id']) },
            { header: 'CONNECTION', value: (row) => text(row['connection_id']) },
            { header: 'MESSAGING PROFILE', value: (row) => text(row['messaging_profile_id']) },
          ],
          listed.data,
        );
      }),
    );
}

/** A field as a table cell: empty for null or absent. */
export function text(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return '';
  return JSON.stringify(value);
}

import { Command } from 'commander';
import type { CliIo } from '../cli-io.js';
import { clientFrom, type ConnectionOptions } from '../client/connection-options.js';
import { createOutput, formatOf, type Row } from '../output/output.js';
import { connectedCommand } from './connected-command.js';
import { runAction } from './run-action.js';

type Options = ConnectionOptions & { readonly format?: string };

/** `switchboard simulate …`: the far end of calls and messages, to drive an app from a terminal. */
export function simulateCommand(io: CliIo): Command {
  return new Command('simulate')
    .description('play the caller: inbound calls, answer, DTMF, speech, hangup, inbound messages')
    .addCommand(callCommand(io))
    .addCommand(farEndCommand(io, 'answer', 'the far end answers an outbound call'))
    .addCommand(farEndCommand(io, 'hangup', 'the far end hangs up'))
    .addCommand(farEndCommand(io, 'hold', 'the far end puts the call on hold'))
    .addCommand(farEndCommand(io, 'unhold', 'the far end takes the call off hold'))
    .addCommand(dtmfCommand(io))
    .addCommand(speechCommand(io))
    .addCommand(messageCommand(io));
}

function callCommand(io: CliIo): Command {
  return connectedCommand('call', 'an inbound call to your application (call.initiated)')
    .option(
      '--connection-id <id>',
      'the Call Control application that receives it (default: the one of the number --to)',
    )
    .requiredOption('--from <e164>', 'the caller')
    .requiredOption('--to <e164>', 'the number called')
    .action((options: Options & { connectionId?: string; from: string; to: string }) =>
      runAction(io, async () => {
        // Without --connection-id the server routes by `to`, as Telnyx does for real calls.
        const body = {
          ...(options.connectionId === undefined ? {} : { connection_id: options.connectionId }),
          from: options.from,
          to: options.to,
        };
        const { data } = await clientFrom(options, io).post<{ data: Row }>(
          '/switchboard/simulate/calls',
          body,
        );
        const id = String(data['call_control_id']);
        createOutput(io, formatOf(options)).record(
          [`☎ inbound call ${id} ${options.from} → ${options.to}`],
          data,
        );
      }),
    );
}

function farEndCommand(io: CliIo, action: string, description: string): Command {
  return connectedCommand(action, description)
    .argument('<call_control_id>')
    .action((id: string, options: Options) =>
      runAction(io, () => farEnd(io, options, id, action, {})),
    );
}

function dtmfCommand(io: CliIo): Command {
  return connectedCommand('dtmf', 'the far end presses keys')
    .argument('<call_control_id>')
    .argument('<digits>', '0-9, *, #, A-D')
    .action((id: string, digits: string, options: Options) =>
      runAction(io, () => farEnd(io, options, id, 'dtmf', { digits })),
    );
}

function speechCommand(io: CliIo): Command {
  return connectedCommand('speech', 'the far end says something (for gather and transcription)')
    .argument('<call_control_id>')
    .argument('<text>')
    .action((id: string, text: string, options: Options) =>
      runAction(io, () => farEnd(io, options, id, 'speech', { text })),
    );
}

async function farEnd(
  io: CliIo,
  options: Options,
  id: string,
  action: string,
  body: Row,
): Promise<void> {
  const path = `/switchboard/simulate/calls/${encodeURIComponent(id)}/actions/${action}`;
  await clientFrom(options, io).post(path, body);
  createOutput(io, formatOf(options)).record([`✓ ${action} on ${id}`], {
    call_control_id: id,
    action,
    result: 'ok',
  });
}

interface MessageOptions extends Options {
  readonly from: string;
  readonly to: string;
  readonly text?: string;
  readonly mediaUrl: string[];
  readonly messagingProfileId?: string;
}

function messageCommand(io: CliIo): Command {
  return connectedCommand('message', 'an inbound SMS/MMS to one of your numbers (message.received)')
    .requiredOption('--from <e164>', 'the sender')
    .requiredOption('--to <e164>', 'your number')
    .option('--text <text>', 'the message text')
    .option(
      '--media-url <url>',
      'an MMS media URL (repeatable)',
      (value: string, all: string[]) => [...all, value],
      [],
    )
    .option('--messaging-profile-id <id>', 'the profile (default: the one of the number --to)')
    .action((options: MessageOptions) => runAction(io, () => message(io, options)));
}

async function message(io: CliIo, options: MessageOptions): Promise<void> {
  const body: Record<string, unknown> = { from: options.from, to: options.to };
  if (options.text !== undefined) body['text'] = options.text;
  if (options.mediaUrl.length > 0) body['media_urls'] = options.mediaUrl;
  if (options.messagingProfileId !== undefined)
    body['messaging_profile_id'] = options.messagingProfileId;
  const { data } = await clientFrom(options, io).post<{ data: Row }>(
    '/switchboard/simulate/messages',
    body,
  );
  createOutput(io, formatOf(options)).record(
    [`✉ message ${String(data['id'])} ${options.from} → ${options.to}`],
    data,
  );
}

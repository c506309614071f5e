import type { Command } from 'commander';
import type { CliIo } from '../cli-io.js';
import { UsageError } from '../client/cli-error.js';
import { clientFrom, type ConnectionOptions } from '../client/connection-options.js';
import type { SwitchboardClient } from '../client/switchboard-client.js';
import { createOutput, formatOf, type Output } from '../output/output.js';
import {
  addChaosOptions,
  chaosFrom,
  type ChaosFlags,
  type ChaosProfile,
} from '../chaos/chaos-flags.js';
import { eventRequest } from '../trigger/event-request.js';
import { eventSource, type SourceFlags } from '../trigger/event-source.js';
import { resolveTarget, type EventTarget, type TargetFlags } from '../trigger/event-target.js';
import type { JsonRecord } from '../trigger/set-path.js';
import { TEXML_INBOUND_FLOW, triggerTexmlInbound } from '../trigger/texml-flow.js';
import { connectedCommand } from './connected-command.js';
import { runAction } from './run-action.js';

interface TriggerOptions extends ConnectionOptions, ChaosFlags, TargetFlags {
  readonly set: string[];
  readonly template?: string;
  readonly flow?: string;
  readonly count: string;
  readonly format?: string;
}

interface PublishedEvent {
  readonly id: string;
  readonly duplicate: boolean;
  readonly webhook_delivery_id?: string;
}

/** `switchboard trigger <event_type…>`: signed events through the engine, with optional chaos. */
export function triggerCommand(io: CliIo): Command {
  const command = connectedCommand('trigger', 'send a correctly signed event (or a whole flow)')
    .argument('[event_types...]', 'built-in event types (see `switchboard templates list`)')
    .option(
      '--set <path=value>',
      'override a field, e.g. data.payload.to=+15550001111',
      collect,
      [],
    )
    .option('--template <file>', 'send your own event (a webhook body or its data object)')
    .option(
      '--flow <name>',
      'send a whole story: inbound-call, outbound-call, message, or texml-inbound (a real call into a TeXML app)',
    )
    .option('--to <url>', 'deliver to this URL')
    .option('--connection-id <id>', "deliver to a Call Control application's webhook URLs")
    .option('--inbox <id>', "deliver to an inbox's capture URL")
    .option('--count <n>', 'repeat N times, each with fresh ids', '1');
  return addChaosOptions(command).action((eventTypes: string[], options: TriggerOptions) =>
    runAction(io, () => trigger(eventTypes, options, io)),
  );
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

async function trigger(
  eventTypes: readonly string[],
  options: TriggerOptions,
  io: CliIo,
): Promise<void> {
  if (options.flow === TEXML_INBOUND_FLOW) {
    const client = clientFrom(options, io);
    await triggerTexmlInbound(client, options.connectionId, createOutput(io, formatOf(options)));
    return;
  }
  const count = countOf(options.count);
  const source = await eventSource(sourceFlags(eventTypes, options));
  const chaos = chaosFrom(options);
  const client = clientFrom(options, io);
  const target = await resolveTarget(options, client);
  const batches = Array.from({ length: count }, () => source());
  const output = createOutput(io, formatOf(options));
  const bar = output.progress(batches.flat().length, 'sending');
  for (const envelope of batches.flat()) {
    await publish(client, { envelope, target, chaos }, output);
    bar.tick();
  }
  bar.done();
}

function sourceFlags(eventTypes: readonly string[], options: TriggerOptions): SourceFlags {
  return {
    eventTypes,
    set: options.set,
    ...(options.template === undefined ? {} : { template: options.template }),
    ...(options.flow === undefined ? {} : { flow: options.flow }),
  };
}

interface Publication {
  readonly envelope: JsonRecord;
  readonly target: EventTarget;
  readonly chaos: ChaosProfile | undefined;
}

async function publish(
  client: SwitchboardClient,
  item: Publication,
  output: Output,
): Promise<void> {
  const request = eventRequest(item.envelope, item.target, item.chaos);
  const response = await client.post<{ data: PublishedEvent }>('/switchboard/events', request);
  const { id, duplicate, webhook_delivery_id: deliveryId } = response.data;
  const eventType = String(request['event_type']);
  const human = duplicate
    ? `= ${eventType} ${id} already sent (same id): nothing queued`
    : `→ ${eventType} ${id} queued as delivery ${deliveryId ?? '?'}`;
  output.item(human, {
    event_type: eventType,
    id,
    duplicate,
    webhook_delivery_id: deliveryId ?? null,
  });
}

function countOf(text: string): number {
  const count = Number(text);
  if (!/^\d+$/.test(text) || count < 1 || count > 100_000) {
    throw new UsageError(`--count takes a whole number from 1 to 100000 (got "${text}")`);
  }
  return count;
}

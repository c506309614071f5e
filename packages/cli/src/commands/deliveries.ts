import { Command } from 'commander';
import type { CliIo } from '../cli-io.js';
import { clientFrom, type ConnectionOptions } from '../client/connection-options.js';
import { createOutput, formatOf } from '../output/output.js';
import type { DeliveryListQuery } from '@switchboard/core/contract';
import { DELIVERY_COLUMNS, deliveryDetail } from '../output/delivery-view.js';
import { connectedCommand } from './connected-command.js';
import { runAction } from './run-action.js';

interface ListOptions extends ConnectionOptions {
  readonly status?: string;
  readonly eventType?: string;
  readonly contains?: string;
  readonly attemptsContain?: string;
  readonly since?: string;
  readonly until?: string;
  readonly page: string;
  readonly pageSize: string;
  readonly format?: string;
}

/** `switchboard deliveries list|get|retry`: the Webhook Deliveries API from a terminal. */
export function deliveriesCommand(io: CliIo): Command {
  return new Command('deliveries')
    .description('list, inspect and retry webhook deliveries')
    .addCommand(listCommand(io))
    .addCommand(getCommand(io))
    .addCommand(retryCommand(io));
}

function listCommand(io: CliIo): Command {
  return connectedCommand('list', 'list deliveries, newest first')
    .option('--status <status>', 'delivered or failed')
    .option('--event-type <types>', 'comma-separated event types')
    .option('--contains <text>', 'the webhook body contains this text')
    .option('--attempts-contain <text>', 'an attempt contains this text')
    .option('--since <iso>', 'started at or after')
    .option('--until <iso>', 'started at or before')
    .option('--page <n>', 'page number', '1')
    .option('--page-size <n>', 'page size (up to 250)', '20')
    .action((options: ListOptions) => runAction(io, () => list(options, io)));
}

async function list(options: ListOptions, io: CliIo): Promise<void> {
  // The flags go as typed; the server validates them and its refusal is what the CLI prints.
  const query = {
    'filter[status][eq]': options.status,
    'filter[event_type]': options.eventType,
    'filter[webhook][contains]': options.contains,
    'filter[attempts][contains]': options.attemptsContain,
    'filter[started_at][gte]': options.since,
    'filter[started_at][lte]': options.until,
    'page[number]': options.page,
    'page[size]': options.pageSize,
  } as unknown as DeliveryListQuery;
  const listed = await clientFrom(options, io).call('listWebhookDeliveries', { query });
  const output = createOutput(io, formatOf(options));
  output.table(DELIVERY_COLUMNS, listed.data);
  output.note(
    `${listed.data.length} of ${listed.meta.total_results} (page ${options.page} of ${listed.meta.total_pages})`,
  );
}

function getCommand(io: CliIo): Command {
  return connectedCommand('get', 'show one delivery and its attempts')
    .argument('<id>')
    .action((id: string, options: ConnectionOptions & { format?: string }) =>
      runAction(io, async () => {
        const { data } = await clientFrom(options, io).call('getWebhookDelivery', {
          params: { id },
        });
        createOutput(io, formatOf(options)).record(deliveryDetail(data), data);
      }),
    );
}

function retryCommand(io: CliIo): Command {
  return connectedCommand('retry', 'queue a delivery for another round now')
    .argument('<id>')
    .action((id: string, options: ConnectionOptions & { format?: string }) =>
      runAction(io, async () => {
        const { data } = await clientFrom(options, io).call('retryWebhookDelivery', {
          params: { id },
        });
        createOutput(io, formatOf(options)).record([`↻ ${data.id} queued again`], data);
      }),
    );
}

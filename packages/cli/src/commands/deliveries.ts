import { Command } from 'commander';
import type { CliIo } from '../cli-io.js';
import { clientFrom, type ConnectionOptions } from '../client/connection-options.js';
import { createOutput, formatOf } from '../output/output.js';
import { DELIVERY_COLUMNS, deliveryDetail, type DeliveryView } from '../output/delivery-view.js';
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

interface Listed {
  readonly data: DeliveryView[];
  readonly meta: { readonly total_results: number; readonly total_pages: number };
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
  const listed = await clientFrom(options, io).get<Listed>('/v2/webhook_deliveries', {
    'filter[status][eq]': options.status,
    'filter[event_type]': options.eventType,
    'filter[webhook][contains]': options.contains,
    'filter[attempts][contains]': options.attemptsContain,
    'filter[started_at][gte]': options.since,
    'filter[started_at][lte]': options.until,
    'page[number]': options.page,
    'page[size]': options.pageSize,
  });
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
        const path = `/v2/webhook_deliveries/${encodeURIComponent(id)}`;
        const { data } = await clientFrom(options, io).get<{ data: DeliveryView }>(path);
        createOutput(io, formatOf(options)).record(deliveryDetail(data), data);
      }),
    );
}

function retryCommand(io: CliIo): Command {
  return connectedCommand('retry', 'queue a delivery for another round now')
    .argument('<id>')
    .action((id: string, options: ConnectionOptions & { format?: string }) =>
      runAction(io, async () => {
        const path = `/switchboard/webhook_deliveries/${encodeURIComponent(id)}/retry`;
        const { data } = await clientFrom(options, io).post<{ data: DeliveryView }>(path);
        createOutput(io, formatOf(options)).record([`↻ ${data.id} queued again`], data);
      }),
    );
}

import { readFile } from 'node:fs/promises';
import { UsageError } from '../client/cli-error.js';
import type { RouteOutput, SwitchboardRoutes } from '@switchboard/core/contract';
import type { SwitchboardClient } from '../client/switchboard-client.js';
import { parseHeaders, type HeaderPairs } from './parse-headers.js';

/** A webhook request as received: raw body bytes and headers in order. */
export interface ReceivedWebhook {
  readonly body: Buffer;
  readonly headers: HeaderPairs;
  /** The method it arrived with (captures record it; deliveries are POST or GET). */
  readonly method?: string;
}

/** `--body-file F --headers-file H`: the body byte for byte, the headers in any settled form. */
export async function webhookFromFiles(
  bodyFile: string,
  headersFile: string,
): Promise<ReceivedWebhook> {
  return {
    body: await readInput(bodyFile),
    headers: parseHeaders((await readInput(headersFile)).toString('utf8')),
  };
}

/** The raw request of a capture of one of the account's inboxes. */
export async function webhookFromCapture(
  client: SwitchboardClient,
  id: string,
): Promise<ReceivedWebhook> {
  const view = await client.call('getCapture', { params: { id } });
  const { headers, body_base64: base64, method } = view.data;
  return { method, body: Buffer.from(base64, 'base64'), headers };
}

/** The request of a delivery's last try, whole. */
export async function webhookFromDelivery(
  client: SwitchboardClient,
  id: string,
): Promise<ReceivedWebhook> {
  const view = await deliveryRequest(client, id);
  return { body: Buffer.from(view.data.body ?? '', 'utf8'), headers: view.data.headers };
}

/** `GET /switchboard/webhook_deliveries/{id}/request`. */
export function deliveryRequest(
  client: SwitchboardClient,
  id: string,
): Promise<RouteOutput<SwitchboardRoutes['getWebhookDeliveryRequest']>> {
  return client.call('getWebhookDeliveryRequest', { params: { id } });
}

async function readInput(path: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch {
    throw new UsageError(`cannot read ${path}`);
  }
}

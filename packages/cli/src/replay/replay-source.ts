import { UsageError } from '../client/cli-error.js';
import { ApiResponseError } from '../client/client-errors.js';
import type { SwitchboardClient } from '../client/switchboard-client.js';
import { deliveryRequest, webhookFromCapture } from '../verify/webhook-sources.js';

/** What a replay re-sends: the original request and, for deliveries, where it went. */
export interface ReplaySource {
  readonly kind: 'delivery' | 'capture';
  readonly method: string;
  readonly url: string | null;
  readonly headers: [string, string][];
  readonly body: Buffer | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The request behind `id`: a webhook delivery's last try, else an inbox capture. */
export async function replaySource(client: SwitchboardClient, id: string): Promise<ReplaySource> {
  if (UUID.test(id)) {
    const delivery = await orNotFound(() => deliveryRequest(client, id));
    if (delivery !== null) {
      const { method, url, headers, body } = delivery.data;
      return {
        kind: 'delivery',
        method,
        url,
        headers,
        body: body === null ? null : Buffer.from(body),
      };
    }
  }
  const capture = await orNotFound(() => webhookFromCapture(client, id));
  if (capture === null) throw new UsageError(`no webhook delivery or capture has the id ${id}`);
  return {
    kind: 'capture',
    method: capture.method ?? 'POST',
    url: null,
    headers: capture.headers,
    body: capture.body,
  };
}

async function orNotFound<T>(read: () => Promise<T>): Promise<T | null> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof ApiResponseError && error.status === 404) return null;
    throw error;
  }
}

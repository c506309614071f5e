/**
 * How a team would send a webhook from its own queue worker, written in an afternoon: the
 * Telnyx envelope as compact JSON, an Ed25519 signature over `timestamp|body` with Node's crypto,
 * and a POST with undici on a keep-alive agent; anything but a 2xx throws, so the queue retries.
 * The ceiling and both peers send through this, so they do the same work per delivery.
 */
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { Agent, request } from 'undici';

/** What the application put on the queue for one webhook. */
export interface QueuedWebhook {
  readonly id: string;
  readonly event_type: string;
  readonly payload: Readonly<Record<string, unknown>>;
  readonly url: string;
}

export interface WebhookSender {
  send(job: QueuedWebhook, attempt: number): Promise<void>;
  close(): Promise<void>;
}

export function webhookSender(connectionsPerOrigin: number): WebhookSender {
  const { privateKey } = generateKeyPairSync('ed25519');
  const agent = new Agent({ connections: connectionsPerOrigin, keepAliveTimeout: 30_000 });
  return {
    send: (job, attempt) => post(job, attempt, privateKey, agent),
    close: () => agent.close(),
  };
}

async function post(
  job: QueuedWebhook,
  attempt: number,
  privateKey: KeyObject,
  agent: Agent,
): Promise<void> {
  const body = JSON.stringify({
    data: {
      record_type: 'event',
      event_type: job.event_type,
      id: job.id,
      occurred_at: new Date().toISOString(),
      payload: job.payload,
    },
    meta: { attempt, delivered_to: job.url },
  });
  const timestamp = String(Math.floor(Date.now() / 1000));
  const signature = sign(null, Buffer.from(`${timestamp}|${body}`), privateKey).toString('base64');
  const response = await request(job.url, {
    method: 'POST',
    dispatcher: agent,
    headers: {
      'content-type': 'application/json',
      'telnyx-signature-ed25519': signature,
      'telnyx-timestamp': timestamp,
    },
    body,
    headersTimeout: 10_000,
    bodyTimeout: 10_000,
  });
  await response.body.dump();
  if (response.statusCode < 200 || response.statusCode >= 300) {
    throw new Error(`webhook ${job.id}: HTTP ${response.statusCode}`);
  }
}

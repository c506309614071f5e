import type { RunningServer } from '../../../src/start-server.js';

export interface ApiReply {
  readonly status: number;
  readonly body: Record<string, unknown>;
}

/** One JSON request to a running server with its default account's key. */
export async function callApi(
  server: RunningServer,
  method: string,
  path: string,
  body?: unknown,
): Promise<ApiReply> {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${server.apiKey ?? ''}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return {
    status: response.status,
    body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>),
  };
}

/** Publishes an event to an explicit URL and returns its delivery id. */
export async function publishTo(
  server: RunningServer,
  webhookUrl: string,
  event: { readonly event_type: string; readonly payload: unknown },
): Promise<string> {
  const reply = await callApi(server, 'POST', '/switchboard/events', {
    ...event,
    webhook_url: webhookUrl,
  });
  if (reply.status !== 202) throw new Error(`publish failed: ${JSON.stringify(reply.body)}`);
  const data = reply.body['data'] as { webhook_delivery_id: string };
  return data.webhook_delivery_id;
}

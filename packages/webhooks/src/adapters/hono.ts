import type { Context } from 'hono';
import type { WebhookReceiver } from '../receiver/receiver-types.js';
import { receiverError } from '../receiver/responses.js';
import { toWebResponse } from './to-web-response.js';

/**
 * A Hono handler. It reads the body with `c.req.arrayBuffer()`, which Hono caches, so
 * middleware that reads the body later still can.
 *
 * @example
 * app.post('/webhooks/telnyx', createHonoHandler(receiver));
 */
export function createHonoHandler(receiver: WebhookReceiver): (c: Context) => Promise<Response> {
  return async (c) => {
    const body = await c.req.arrayBuffer().catch(() => undefined);
    if (body === undefined) return toWebResponse(receiverError(400, 'RCV_BODY_UNREADABLE'));
    const response = await receiver.handle({
      body: new Uint8Array(body),
      headers: c.req.raw.headers,
    });
    keepAlive(c, response.settled);
    return toWebResponse(response);
  };
}

// On Workers, background work after the reply needs waitUntil; on Node and Bun there is no
// execution context and Hono throws when asked for one, while the process stays alive anyway.
function keepAlive(c: Context, settled: Promise<void>): void {
  try {
    c.executionCtx.waitUntil(settled);
  } catch {
    return;
  }
}

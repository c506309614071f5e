import type { WebhookReceiver } from '../receiver/receiver-types.js';
import { receiverError } from '../receiver/responses.js';
import { toWebResponse } from './to-web-response.js';

export interface FetchHandlerOptions {
  /**
   * Keeps the runtime alive for work after the reply (a handler past the ack deadline):
   * `ctx.waitUntil` on Workers, `after` from `next/server` on Next.js.
   */
  readonly waitUntil?: (promise: Promise<unknown>) => void;
}

/**
 * A `(Request) => Promise<Response>` handler for fetch-style runtimes: Next.js route
 * handlers, Bun, Deno, Cloudflare Workers.
 *
 * @example
 * // app/api/webhooks/route.ts
 * export const POST = createFetchHandler(receiver, { waitUntil: after });
 */
export function createFetchHandler(
  receiver: WebhookReceiver,
  options: FetchHandlerOptions = {},
): (request: Request) => Promise<Response> {
  return async (request) => {
    const body = await request.arrayBuffer().catch(() => undefined);
    if (body === undefined) return toWebResponse(receiverError(400, 'RCV_BODY_UNREADABLE'));
    const response = await receiver.handle({
      body: new Uint8Array(body),
      headers: request.headers,
    });
    options.waitUntil?.(response.settled);
    return toWebResponse(response);
  };
}

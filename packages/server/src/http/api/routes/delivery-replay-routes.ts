import {
  ErrorEnvelope,
  IdParams,
  ReplayDelivery,
  ReplayResponse,
  type ReplayResult,
} from '@switchboard/core/contract';
import type { FastifyInstance } from 'fastify';
import { request as send, type Dispatcher } from 'undici';
import { capHeaderPairs, decodeCapped } from '../../../engine/delivery/capped-text.js';
import { currentSigningKey } from '../../../engine/delivery/signing-key-cache.js';
import type { WebhookRequest } from '../../../engine/delivery/webhook-request.js';
import { typed } from '../../typed-app.js';
import { replayRequest } from '../delivery-replay/replay-request.js';
import { ownedDelivery } from './owned-delivery.js';
import { pathId } from '../path-param.js';
import { readableDelivery } from './readable-delivery.js';
import type { RouteContext } from './route-context.js';

/**
 * `POST /switchboard/webhook_deliveries/{id}/replay { url, mode }`: sends the delivery once to
 * another URL from the server (a browser could not: the target has no CORS for it) and answers
 * with what came back. A replay is not a try: the delivery and its attempts do not change.
 */
export function registerDeliveryReplayRoutes(app: FastifyInstance, ctx: RouteContext): void {
  typed(app).post(
    '/switchboard/webhook_deliveries/:id/replay',
    {
      schema: {
        summary: 'Send a delivery once to another URL and show what came back',
        tags: ['webhook deliveries'],
        params: IdParams,
        body: ReplayDelivery,
        response: { 200: ReplayResponse, '4xx': ErrorEnvelope },
      },
    },
    async (request) => {
      const accountId = ctx.auth.accountOf(request).id;
      const delivery = readableDelivery(
        await ownedDelivery(ctx, accountId, pathId(request.params.id)),
      );
      const key = await currentSigningKey(ctx.store, accountId, ctx.now());
      const [last] = await ctx.store.listAttempts(delivery.id);
      const outgoing = replayRequest({
        delivery,
        last: last ?? null,
        url: request.body.url,
        mode: request.body.mode ?? 'resign',
        privateKey: key.privateKey,
        now: ctx.now(),
      });
      // A target timeout of 0 means the server default; undici would read 0 as "never".
      const timeoutMs = delivery.target.timeoutMs > 0 ? delivery.target.timeoutMs : 10_000;
      return { data: await sendOnce(outgoing, timeoutMs, ctx.webhookDispatcher) };
    },
  );
}

/** One request, no redirects followed: the caller sees exactly what the URL answered. */
async function sendOnce(
  outgoing: WebhookRequest,
  timeoutMs: number,
  dispatcher: Dispatcher | undefined,
): Promise<ReplayResult> {
  const started = performance.now();
  const base = { url: outgoing.url, method: outgoing.method };
  try {
    const response = await send(outgoing.url, {
      method: outgoing.method,
      headers: outgoing.headers,
      body: outgoing.body,
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
      ...(dispatcher === undefined ? {} : { dispatcher }),
    });
    const bytes = new Uint8Array(await response.body.arrayBuffer());
    return {
      ...base,
      status: response.statusCode,
      headers: capHeaderPairs(headerPairs(response.headers)),
      body: decodeCapped(bytes),
      latency_ms: Math.round(performance.now() - started),
      error: null,
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      ...base,
      status: null,
      headers: [],
      body: '',
      latency_ms: Math.round(performance.now() - started),
      error: message,
    };
  }
}

function headerPairs(headers: Record<string, string | string[] | undefined>): [string, string][] {
  return Object.entries(headers).flatMap(([name, value]) =>
    value === undefined
      ? []
      : (Array.isArray(value) ? value : [value]).map((v): [string, string] => [name, v]),
  );
}

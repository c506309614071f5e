import {
  DeliveryRequestResponse,
  ErrorEnvelope,
  IdParams,
  type DeliveryRequestView,
} from '@switchboard/core/contract';
import type { FastifyInstance } from 'fastify';
import { currentSigningKey } from '../../../engine/delivery/signing-key-cache.js';
import { RECORD_LIMIT_BYTES } from '../../../engine/delivery/capped-text.js';
import { buildWebhookRequest } from '../../../engine/delivery/webhook-request.js';
import { BadRequestError } from '../../../support/errors/api-error.js';
import { typed } from '../../typed-app.js';
import type { AttemptRecord, Delivery } from '../../../storage/store.js';
import { ownedDelivery } from './owned-delivery.js';
import { pathId } from '../path-param.js';
import { readableDelivery } from './readable-delivery.js';
import type { RouteContext } from './route-context.js';

/**
 * `GET /switchboard/webhook_deliveries/{id}/request`: the last try's request (method, URL,
 * headers with the original signature, whole body), for `switchboard replay` and
 * `switchboard verify --delivery`. Attempts record bodies cut at 10 kB, so a longer body is
 * rebuilt exactly as the try built it; the bytes, and so the signature, are the same.
 */
export function registerWebhookReplayRoutes(app: FastifyInstance, ctx: RouteContext): void {
  typed(app).get(
    '/switchboard/webhook_deliveries/:id/request',
    {
      schema: {
        summary: "The last try's request, whole, with its original signature",
        tags: ['webhook deliveries'],
        params: IdParams,
        response: { 200: DeliveryRequestResponse, '4xx': ErrorEnvelope },
      },
    },
    async (request) => {
      const accountId = ctx.auth.accountOf(request).id;
      const delivery = await ownedDelivery(ctx, accountId, pathId(request.params.id));
      const last = lastAttempt(await ctx.store.listAttempts(delivery.id));
      return { data: await requestView(ctx, delivery, last) };
    },
  );
}

async function requestView(
  ctx: RouteContext,
  delivery: Delivery,
  attempt: AttemptRecord,
): Promise<DeliveryRequestView> {
  const recorded = attempt.request;
  return {
    attempt: attempt.attempt,
    method: recorded.method,
    url: recorded.url,
    headers: recorded.headers.map(([name, value]) => [name, value]),
    body: await wholeBody(ctx, delivery, attempt),
  };
}

// A recorded body shorter than the cut is whole; a longer one is rebuilt exactly as the try
// built it (same envelope, attempt and URL), which gives the same bytes the signature covers.
async function wholeBody(
  ctx: RouteContext,
  delivery: Delivery,
  attempt: AttemptRecord,
): Promise<string | null> {
  const body = attempt.request.body;
  if (body === null || Buffer.byteLength(body) < RECORD_LIMIT_BYTES) return body;
  const { privateKey } = await currentSigningKey(ctx.store, delivery.accountId, ctx.now());
  const input = {
    delivery: readableDelivery(delivery),
    url: attempt.url,
    attempt: attempt.attempt,
    privateKey,
    now: 0,
  };
  return buildWebhookRequest(input).body;
}

function lastAttempt(attempts: readonly AttemptRecord[]): AttemptRecord {
  const last = [...attempts].sort((a, b) => b.attempt - a.attempt)[0];
  if (last === undefined) {
    throw new BadRequestError('This delivery has not been tried yet; there is no request.', 422);
  }
  return last;
}

import {
  DeliveryList,
  DeliveryListQuery,
  DeliveryResponse,
  ErrorEnvelope,
  IdParams,
} from '@switchboard/core/contract';
import type { FastifyInstance } from 'fastify';
import { NotFoundError } from '../../../support/errors/api-error.js';
import { typed } from '../../typed-app.js';
import type { Delivery } from '../../../storage/store.js';
import { pageMeta, pageOf } from '../../page-query.js';
import { pathId } from '../path-param.js';
import { deliveryFilter } from '../webhook-deliveries/delivery-query.js';
import { webhookDeliveryView } from '../webhook-deliveries/webhook-delivery-view.js';
import { DELIVERY_NOT_FOUND, ownedDelivery } from './owned-delivery.js';
import type { RouteContext } from './route-context.js';

const TAGS = ['webhook deliveries'];

/** The Telnyx Webhook Deliveries API, plus `POST /switchboard/webhook_deliveries/{id}/retry`. */
export function registerWebhookDeliveryRoutes(app: FastifyInstance, ctx: RouteContext): void {
  const api = typed(app);
  api.get(
    '/v2/webhook_deliveries',
    {
      schema: {
        summary: 'List webhook deliveries',
        tags: TAGS,
        querystring: DeliveryListQuery,
        response: { 200: DeliveryList, '4xx': ErrorEnvelope },
      },
    },
    async (request) => {
      const page = pageOf(request.query);
      const accountId = ctx.auth.accountOf(request).id;
      const result = await ctx.store.listDeliveries(accountId, deliveryFilter(request.query), page);
      const data = await Promise.all(result.rows.map((row) => view(ctx, row)));
      return { data, meta: pageMeta(page, result.total) };
    },
  );

  api.get(
    '/v2/webhook_deliveries/:id',
    {
      schema: {
        summary: 'Show one webhook delivery with its attempts',
        tags: TAGS,
        params: IdParams,
        response: { 200: DeliveryResponse, '4xx': ErrorEnvelope },
      },
    },
    async (request) => {
      const accountId = ctx.auth.accountOf(request).id;
      return {
        data: await view(ctx, await ownedDelivery(ctx, accountId, pathId(request.params.id))),
      };
    },
  );

  api.post(
    '/switchboard/webhook_deliveries/:id/retry',
    {
      schema: {
        summary: 'Queue a delivery for another round of tries now',
        tags: TAGS,
        params: IdParams,
        response: { 202: DeliveryResponse, '4xx': ErrorEnvelope },
      },
    },
    async (request, reply) => {
      const accountId = ctx.auth.accountOf(request).id;
      const delivery = await ownedDelivery(ctx, accountId, pathId(request.params.id));
      const requeued = await ctx.store.requeue(delivery.accountId, delivery.id, ctx.now());
      if (requeued === null) throw new NotFoundError(DELIVERY_NOT_FOUND);
      ctx.worker.wake();
      return reply.status(202).send({ data: await view(ctx, requeued) });
    },
  );
}

async function view(ctx: RouteContext, delivery: Delivery) {
  return webhookDeliveryView(delivery, await ctx.store.listAttempts(delivery.id));
}

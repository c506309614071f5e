import type { FastifyInstance, FastifyRequest } from 'fastify';
import { NotFoundError } from '../../errors/api-error.js';
import type { Delivery } from '../../storage/store.js';
import { pageMeta, parsePage } from '../pagination.js';
import { queryParams } from '../query-params.js';
import { valueOrThrow } from '../validation/checked.js';
import { parseDeliveryFilter } from '../webhook-deliveries/delivery-query.js';
import { webhookDeliveryView } from '../webhook-deliveries/webhook-delivery-view.js';
import { DELIVERY_NOT_FOUND, ownedDelivery } from './owned-delivery.js';
import { pathParam } from '../path-param.js';
import type { RouteContext } from './route-context.js';

/** The Telnyx Webhook Deliveries API, plus `POST /switchboard/webhook_deliveries/{id}/retry`. */
export function registerWebhookDeliveryRoutes(app: FastifyInstance, ctx: RouteContext): void {
  app.get('/v2/webhook_deliveries', async (request) => {
    const params = queryParams(request.query);
    const page = valueOrThrow(parsePage(params));
    const filter = valueOrThrow(parseDeliveryFilter(params));
    const accountId = ctx.auth.accountOf(request).id;
    const result = await ctx.store.listDeliveries(accountId, filter, page);
    const data = await Promise.all(result.rows.map((row) => view(ctx, row)));
    return { data, meta: pageMeta(page, result.total) };
  });

  app.get('/v2/webhook_deliveries/:id', async (request) => ({
    data: await view(ctx, await owned(ctx, request)),
  }));

  app.post('/switchboard/webhook_deliveries/:id/retry', async (request, reply) => {
    const delivery = await owned(ctx, request);
    const requeued = await ctx.store.requeue(delivery.accountId, delivery.id, ctx.now());
    if (requeued === null) throw new NotFoundError(DELIVERY_NOT_FOUND);
    ctx.worker.wake();
    return reply.status(202).send({ data: await view(ctx, requeued) });
  });
}

async function view(ctx: RouteContext, delivery: Delivery) {
  return webhookDeliveryView(delivery, await ctx.store.listAttempts(delivery.id));
}

function owned(ctx: RouteContext, request: FastifyRequest) {
  return ownedDelivery(ctx, ctx.auth.accountOf(request).id, pathParam(request, 'id'));
}

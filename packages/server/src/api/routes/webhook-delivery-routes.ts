import type { FastifyInstance, FastifyRequest } from 'fastify';
import { NotFoundError } from '../../errors/api-error.js';
import type { Delivery } from '../../storage/store.js';
import { pageMeta, parsePage } from '../pagination.js';
import { queryParams } from '../query-params.js';
import { valueOrThrow } from '../validation/checked.js';
import { parseDeliveryFilter } from '../webhook-deliveries/delivery-query.js';
import { webhookDeliveryView } from '../webhook-deliveries/webhook-delivery-view.js';
import type { IdParams, RouteContext } from './route-context.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

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

  app.get<{ Params: IdParams }>('/v2/webhook_deliveries/:id', async (request) => ({
    data: await view(ctx, await owned(ctx, request)),
  }));

  app.post<{ Params: IdParams }>(
    '/switchboard/webhook_deliveries/:id/retry',
    async (request, reply) => {
      const delivery = await owned(ctx, request);
      const requeued = await ctx.store.requeue(delivery.accountId, delivery.id, ctx.now());
      if (requeued === null) throw notFound();
      ctx.worker.wake();
      return reply.status(202).send({ data: await view(ctx, requeued) });
    },
  );
}

async function view(ctx: RouteContext, delivery: Delivery) {
  return webhookDeliveryView(delivery, await ctx.store.listAttempts(delivery.id));
}

/** Malformed ids never reach the store: PostgreSQL would reject them as a type error. */
async function owned(
  ctx: RouteContext,
  request: FastifyRequest<{ Params: IdParams }>,
): Promise<Delivery> {
  const { id } = request.params;
  const accountId = ctx.auth.accountOf(request).id;
  const delivery = UUID.test(id) ? await ctx.store.getDelivery(accountId, id) : null;
  if (delivery === null) throw notFound();
  return delivery;
}

function notFound(): NotFoundError {
  return new NotFoundError('WebhookDelivery not found.');
}

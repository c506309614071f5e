import type { FastifyInstance } from 'fastify';
import { parseStatsQuery } from '../delivery-stats/stats-query.js';
import { statsView } from '../delivery-stats/stats-view.js';
import { queryParams } from '../query-params.js';
import { valueOrThrow } from '../validation/checked.js';
import type { RouteContext } from './route-context.js';

/** `GET /switchboard/stats`: the dashboard Overview's figures for the caller's account. */
export function registerDeliveryStatsRoutes(app: FastifyInstance, ctx: RouteContext): void {
  app.get('/switchboard/stats', async (request) => {
    const now = ctx.now();
    const query = valueOrThrow(parseStatsQuery(queryParams(request.query), now));
    const accountId = ctx.auth.accountOf(request).id;
    const stats = await ctx.store.deliveryStats(accountId, query.sinceMs, query.bucketMs);
    return { data: statsView(stats, now) };
  });
}

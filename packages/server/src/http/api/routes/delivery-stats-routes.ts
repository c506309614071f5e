import { DeliveryStatsResponse, ErrorEnvelope, StatsQuery } from '@switchboard/core/contract';
import type { FastifyInstance } from 'fastify';
import { typed } from '../../typed-app.js';
import { statsWindow } from '../delivery-stats/stats-query.js';
import { statsView } from '../delivery-stats/stats-view.js';
import type { RouteContext } from './route-context.js';

/** `GET /switchboard/stats`: the dashboard Overview's figures for the caller's account. */
export function registerDeliveryStatsRoutes(app: FastifyInstance, ctx: RouteContext): void {
  typed(app).get(
    '/switchboard/stats',
    {
      schema: {
        summary: "Delivery figures of the caller's account over a window",
        tags: ['stats'],
        querystring: StatsQuery,
        response: { 200: DeliveryStatsResponse, '4xx': ErrorEnvelope },
      },
    },
    async (request) => {
      const now = ctx.now();
      const window = statsWindow(request.query, now);
      const accountId = ctx.auth.accountOf(request).id;
      const stats = await ctx.store.deliveryStats(accountId, window.sinceMs, window.bucketMs);
      return { data: statsView(stats, now) };
    },
  );
}

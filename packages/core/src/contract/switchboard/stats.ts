import Type, { type Static } from 'typebox';
import { Instant, Int, Nullable } from '../fields.js';

/** Most seconds one stats bucket may span: a day. */
export const MAX_BUCKET_SECS = 86_400;

/** `GET /switchboard/stats`: the window (`since`, default an hour ago) and its bucket width. */
export const StatsQuery = Type.Object({
  since: Type.Optional(Instant({ description: 'Start of the window; default an hour ago' })),
  bucket_secs: Type.Optional(Int(1, MAX_BUCKET_SECS, { default: 60 })),
});

/** Counts of one bucket, or of the whole window. */
export const DeliveryStatsFigures = Type.Object({
  created: Type.Integer(),
  delivered: Type.Integer(),
  failed: Type.Integer(),
  queued: Type.Integer(),
  attempts: Type.Integer(),
  failed_attempts: Type.Integer(),
  /** Successful tries over all tries; null before any try. */
  success_ratio: Nullable(Type.Number()),
  p50_ms: Nullable(Type.Number()),
  p99_ms: Nullable(Type.Number()),
});

export const DeliveryStatsBucket = Type.Intersect([
  Type.Object({ start: Type.String() }),
  DeliveryStatsFigures,
]);

/** An endpoint whose last tries failed. */
export const FailingEndpoint = Type.Object({
  url: Type.String(),
  failures: Type.Integer(),
  last_failed_at: Type.String(),
  last_delivered_at: Nullable(Type.String()),
});

/** The dashboard Overview's figures: one bucket per step of the window, empty ones included. */
export const DeliveryStats = Type.Object({
  record_type: Type.Literal('delivery_stats'),
  since: Type.String(),
  until: Type.String(),
  bucket_secs: Type.Number(),
  totals: DeliveryStatsFigures,
  delivery_rate_per_min: Type.Number(),
  success_ratio: Nullable(Type.Number()),
  queue_depth: Type.Integer(),
  failing_endpoints: Type.Array(FailingEndpoint),
  buckets: Type.Array(DeliveryStatsBucket),
});

export const DeliveryStatsResponse = Type.Object({ data: DeliveryStats });

/** The stats route, for clients to derive typed calls from. */
export const statsRoutes = {
  getDeliveryStats: {
    method: 'GET',
    url: '/switchboard/stats',
    querystring: StatsQuery,
    response: DeliveryStatsResponse,
  },
} as const;

export type StatsQuery = Static<typeof StatsQuery>;
export type DeliveryStatsFigures = Static<typeof DeliveryStatsFigures>;
export type DeliveryStatsBucket = Static<typeof DeliveryStatsBucket>;
export type DeliveryStats = Static<typeof DeliveryStats>;

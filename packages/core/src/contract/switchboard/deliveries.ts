import Type, { type Static } from 'typebox';
import { Instant, HttpUrl, Nullable, OneOf } from '../fields.js';
import { HeaderPairs, IdParams, PageMeta, PageQueryMembers } from './common.js';

/** `GET /v2/webhook_deliveries`: Telnyx's documented filters, plus its page parameters. */
export const DeliveryListQuery = Type.Object({
  ...PageQueryMembers,
  'filter[status][eq]': Type.Optional(OneOf(['delivered', 'failed'])),
  'filter[event_type]': Type.Optional(
    Type.String({ description: 'Comma-separated event types, e.g. call.initiated,call.hangup' }),
  ),
  'filter[webhook][contains]': Type.Optional(
    Type.String({ description: 'Case-sensitive substring of the webhook JSON' }),
  ),
  'filter[attempts][contains]': Type.Optional(
    Type.String({ description: "Case-sensitive substring of the attempts' JSON" }),
  ),
  'filter[started_at][gte]': Type.Optional(Instant()),
  'filter[started_at][lte]': Type.Optional(Instant()),
  'filter[finished_at][gte]': Type.Optional(Instant()),
  'filter[finished_at][lte]': Type.Optional(Instant()),
});

/** One try of a delivery, as Telnyx's `webhook_delivery.attempts[]` shows it. */
export const DeliveryAttemptView = Type.Object({
  status: OneOf(['delivered', 'failed']),
  started_at: Type.String(),
  finished_at: Type.String(),
  errors: Type.Array(Type.Number()),
  http: Type.Object({
    request: Type.Object({ url: Type.String(), headers: HeaderPairs }),
    response: Nullable(
      Type.Object({ status: Type.Integer(), headers: HeaderPairs, body: Type.String() }),
    ),
  }),
  /** Switchboard's own facts of the try (the chaos it injected), under one extra key. */
  switchboard: Type.Optional(Type.Object({ chaos: Type.Unknown() })),
});

/**
 * A delivery as Telnyx's `webhook_delivery` shows it. The API knows only `delivered` and
 * `failed`, so a delivery still retrying is `failed` plus `next_attempt_at`.
 */
export const WebhookDeliveryView = Type.Object({
  id: Type.String(),
  record_type: Type.Literal('webhook_delivery'),
  user_id: Type.String(),
  status: OneOf(['delivered', 'failed']),
  started_at: Nullable(Type.String()),
  finished_at: Nullable(Type.String()),
  webhook: Type.Record(Type.String(), Type.Unknown()),
  attempts: Type.Array(DeliveryAttemptView),
  next_attempt_at: Type.Optional(Nullable(Type.String())),
  /** Set when the stored row cannot be read whole, saying why. */
  switchboard: Type.Optional(Type.Object({ unreadable: Type.String() })),
});

export const DeliveryList = Type.Object({ data: Type.Array(WebhookDeliveryView), meta: PageMeta });

export const DeliveryResponse = Type.Object({ data: WebhookDeliveryView });

/** The last try's request, whole: what `switchboard replay` and `verify --delivery` read. */
export const DeliveryRequestView = Type.Object({
  attempt: Type.Integer(),
  method: Type.String(),
  url: Type.String(),
  headers: HeaderPairs,
  body: Nullable(Type.String()),
});

export const DeliveryRequestResponse = Type.Object({ data: DeliveryRequestView });

/** `POST /switchboard/webhook_deliveries/{id}/replay`. */
export const ReplayDelivery = Type.Object({
  url: HttpUrl(),
  mode: Type.Optional(
    OneOf(['resign', 'exact'], {
      default: 'resign',
      description: '`exact`: the last try as sent; `resign`: rebuilt for the URL, signed now',
    }),
  ),
});

/** What the replay target answered (or the error met instead). */
export const ReplayResult = Type.Object({
  url: Type.String(),
  method: Type.String(),
  status: Nullable(Type.Integer()),
  headers: HeaderPairs,
  body: Type.String(),
  latency_ms: Type.Integer(),
  error: Nullable(Type.String()),
});

export const ReplayResponse = Type.Object({ data: ReplayResult });

/** The webhook delivery routes, for clients to derive typed calls from. */
export const deliveryRoutes = {
  listWebhookDeliveries: {
    method: 'GET',
    url: '/v2/webhook_deliveries',
    querystring: DeliveryListQuery,
    response: DeliveryList,
  },
  getWebhookDelivery: {
    method: 'GET',
    url: '/v2/webhook_deliveries/:id',
    params: IdParams,
    response: DeliveryResponse,
  },
  retryWebhookDelivery: {
    method: 'POST',
    url: '/switchboard/webhook_deliveries/:id/retry',
    params: IdParams,
    response: DeliveryResponse,
  },
  getWebhookDeliveryRequest: {
    method: 'GET',
    url: '/switchboard/webhook_deliveries/:id/request',
    params: IdParams,
    response: DeliveryRequestResponse,
  },
  replayWebhookDelivery: {
    method: 'POST',
    url: '/switchboard/webhook_deliveries/:id/replay',
    params: IdParams,
    body: ReplayDelivery,
    response: ReplayResponse,
  },
} as const;

export type DeliveryListQuery = Static<typeof DeliveryListQuery>;
export type WebhookDeliveryView = Static<typeof WebhookDeliveryView>;
export type DeliveryAttemptView = Static<typeof DeliveryAttemptView>;
export type DeliveryRequestView = Static<typeof DeliveryRequestView>;
export type ReplayDelivery = Static<typeof ReplayDelivery>;
export type ReplayResult = Static<typeof ReplayResult>;

import Type, { type Static } from 'typebox';
import { ChaosProfile } from '../chaos-profile.js';
import { AnyObject, DateTime, HttpUrl, Nullable, OneOf, Text } from '../fields.js';
import type { RouteTable } from '../route-spec.js';

/** Most events one batch may hold. */
export const MAX_BATCH_EVENTS = 1000;

/** One event to publish: the body of `POST /switchboard/events`, and each item of a batch. */
export const PublishEvent = Type.Object({
  event_type: Text({ maxLength: 255, description: 'A Telnyx event type, e.g. call.initiated' }),
  payload: Type.Optional(AnyObject({ default: {} })),
  id: Type.Optional(
    Text({ maxLength: 255, description: 'Idempotency key; a repeat is a duplicate' }),
  ),
  occurred_at: Type.Optional(DateTime()),
  connection_id: Type.Optional(Text({ maxLength: 255 })),
  webhook_url: Type.Optional(HttpUrl()),
  webhook_failover_url: Type.Optional(Nullable(HttpUrl({ allowEmpty: true }))),
  webhook_url_method: Type.Optional(OneOf(['POST', 'GET'])),
  chaos: Type.Optional(Nullable(ChaosProfile)),
});

/** What a publisher is told of one event: stored, or already there. */
export const PublishResult = Type.Object({
  id: Type.String(),
  duplicate: Type.Boolean(),
  webhook_delivery_id: Type.Optional(Type.String()),
});

export const PublishResponse = Type.Object({ data: PublishResult });

/** `POST /switchboard/events/batch`: all or nothing. */
export const PublishBatch = Type.Object({
  data: Type.Array(PublishEvent, {
    minItems: 1,
    maxItems: MAX_BATCH_EVENTS,
    'x-expected': 'an array of events',
    'x-count-detail': 'A batch holds {min} to {max} events; this one has {count}.',
  }),
});

export const PublishBatchResponse = Type.Object({ data: Type.Array(PublishResult) });

export type PublishEvent = Static<typeof PublishEvent>;
export type PublishResult = Static<typeof PublishResult>;

/** The publishing routes, as a client calls them. */
export const eventRoutes = {
  publishEvent: {
    method: 'POST',
    url: '/switchboard/events',
    body: PublishEvent,
    response: PublishResponse,
    status: 202,
  },
  publishEvents: {
    method: 'POST',
    url: '/switchboard/events/batch',
    body: PublishBatch,
    response: PublishBatchResponse,
    status: 202,
  },
} as const satisfies RouteTable;

import { PublishBatch, PublishBatchResponse, PublishEvent, PublishResponse } from './events.js';

/** The event publishing routes, for clients to derive typed calls from. */
export const eventRoutes = {
  publishEvent: {
    method: 'POST',
    url: '/switchboard/events',
    body: PublishEvent,
    response: PublishResponse,
  },
  publishEventBatch: {
    method: 'POST',
    url: '/switchboard/events/batch',
    body: PublishBatch,
    response: PublishBatchResponse,
  },
} as const;

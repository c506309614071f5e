import type { DeliveryListQuery } from '@switchboard/core/contract';
import type { DeliveryFilter } from '../../../storage/store.js';
import { epochOf, listOf } from '../query-values.js';

/** The store filter of a declared `GET /v2/webhook_deliveries` query (facts §3). */
export function deliveryFilter(query: DeliveryListQuery): DeliveryFilter {
  const eventTypes = query['filter[event_type]'];
  const webhook = query['filter[webhook][contains]'];
  const attempts = query['filter[attempts][contains]'];
  const status = query['filter[status][eq]'];
  return {
    ...(status === undefined ? {} : { status }),
    ...(eventTypes === undefined ? {} : { eventTypes: listOf(eventTypes) }),
    ...(webhook === undefined ? {} : { webhookContains: webhook }),
    ...(attempts === undefined ? {} : { attemptsContains: attempts }),
    ...epochOf('startedGte', query['filter[started_at][gte]']),
    ...epochOf('startedLte', query['filter[started_at][lte]']),
    ...epochOf('finishedGte', query['filter[finished_at][gte]']),
    ...epochOf('finishedLte', query['filter[finished_at][lte]']),
  };
}

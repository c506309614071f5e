import { ErrorEnvelope, EXPECTED } from '@switchboard/core/contract';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { typed } from '../../http/typed-app.js';
import { decodeCall } from './call-document.js';
import { MAX_PAGE_SIZE, pageMeta, slicePage } from '../../http/page-query.js';
import { queryParams, type QueryParams } from '../../http/api/query-params.js';
import type { EmulatorDeps } from '../emulator-deps.js';
import { CallCommandLog } from './call-command-log.js';
import { callEvents, callMatches, eventMatches, type CallEvent } from './call-events.js';

const FILTERS = [
  'filter[leg_id]',
  'filter[application_session_id]',
  'filter[connection_id]',
  'filter[product]',
  'filter[from]',
  'filter[to]',
  'filter[status]',
  'filter[name]',
  'filter[type]',
  'filter[failed]',
  'filter[occurred_at][eq]',
  'filter[occurred_at][gt]',
  'filter[occurred_at][gte]',
  'filter[occurred_at][lt]',
  'filter[occurred_at][lte]',
] as const;

/** Telnyx's page size when none is asked for. */
const DEFAULT_PAGE_SIZE = 20;

/** The filters and page of `GET /v2/call_events` (pages are read by the shared pagination). */
const CallEventsQuery = Type.Object({
  ...Object.fromEntries(FILTERS.map((name) => [name, Type.Optional(Type.String())])),
  'page[number]': Type.Optional(Type.Integer({ minimum: 1, [EXPECTED]: 'a positive integer' })),
  'page[size]': Type.Optional(
    Type.Integer({ minimum: 1, maximum: MAX_PAGE_SIZE, [EXPECTED]: 'a positive integer' }),
  ),
});

/** The spec's `CallEvent`. */
const CallEvent = Type.Object({
  record_type: Type.Literal('call_event'),
  call_leg_id: Type.String(),
  call_session_id: Type.String(),
  event_timestamp: Type.String(),
  name: Type.String(),
  type: Type.Enum(['command', 'webhook']),
  metadata: Type.Record(Type.String(), Type.Unknown()),
});

const CallEventList = Type.Object({
  data: Type.Array(CallEvent),
  meta: Type.Object({
    page_number: Type.Integer(),
    page_size: Type.Integer(),
    total_pages: Type.Integer(),
    total_results: Type.Integer(),
  }),
});

/** A call's webhooks beyond this many are left out of its events. */
const MAX_WEBHOOKS_PER_CALL = 250;

/**
 * `GET /v2/call_events`: the commands and webhooks of the account's calls, from the same
 * command log and deliveries the call timeline shows, oldest first.
 */
export function registerCallEventRoutes(scope: FastifyInstance, deps: EmulatorDeps): void {
  const log = new CallCommandLog(deps.store);
  typed(scope).get(
    '/v2/call_events',
    {
      schema: {
        summary: "List the commands and webhooks of the account's calls",
        tags: ['calls'],
        querystring: CallEventsQuery,
        response: { 200: CallEventList, '4xx': ErrorEnvelope },
      },
    },
    async (request) => {
      const accountId = deps.accountId(request);
      const params = queryParams(request.query);
      const page = {
        number: request.query['page[number]'] ?? 1,
        size: request.query['page[size]'] ?? DEFAULT_PAGE_SIZE,
      };
      const events = await eventsOf(deps, log, accountId, params);
      return { data: [...slicePage(events, page)], meta: pageMeta(page, events.length) };
    },
  );
}

async function eventsOf(
  deps: EmulatorDeps,
  log: CallCommandLog,
  accountId: string,
  params: QueryParams,
): Promise<CallEvent[]> {
  const rows = await deps.store.listResources(accountId, 'call');
  const calls = rows.map((row) => decodeCall(row.data)).filter((call) => callMatches(call, params));
  const events: CallEvent[] = [];
  for (const call of calls) {
    const deliveries = await deps.store.listDeliveries(
      accountId,
      { webhookContains: call.id },
      { number: 1, size: MAX_WEBHOOKS_PER_CALL },
    );
    const commands = await log.list(accountId, call.id);
    events.push(...callEvents({ call, commands, deliveries: deliveries.rows }));
  }
  const now = deps.now();
  return events
    .filter((event) => eventMatches(event, params, now))
    .sort((a, b) => Date.parse(a.event_timestamp) - Date.parse(b.event_timestamp));
}

import type { FastifyInstance } from 'fastify';
import { pageMeta, parsePage, slicePage } from '../../api/pagination.js';
import { queryParams, type QueryParams } from '../../api/query-params.js';
import { valueOrThrow } from '../../api/validation/checked.js';
import type { EmulatorDeps } from '../emulator-deps.js';
import { CallCommandLog } from './call-command-log.js';
import { callEvents, callMatches, eventMatches, type CallEvent } from './call-events.js';
import type { CallState } from './call-state.js';

/** A call's webhooks beyond this many are left out of its events. */
const MAX_WEBHOOKS_PER_CALL = 250;

/**
 * `GET /v2/call_events`: the commands and webhooks of the account's calls, from the same
 * command log and deliveries the call timeline shows, oldest first.
 */
export function registerCallEventRoutes(scope: FastifyInstance, deps: EmulatorDeps): void {
  const log = new CallCommandLog(deps.store);
  scope.get('/v2/call_events', async (request) => {
    const accountId = deps.accountId(request);
    const params = queryParams(request.query);
    const page = valueOrThrow(parsePage(params));
    const events = await eventsOf(deps, log, accountId, params);
    return { data: slicePage(events, page), meta: pageMeta(page, events.length) };
  });
}

async function eventsOf(
  deps: EmulatorDeps,
  log: CallCommandLog,
  accountId: string,
  params: QueryParams,
): Promise<CallEvent[]> {
  const rows = await deps.store.listResources(accountId, 'call');
  const calls = rows
    .map((row) => row.data as unknown as CallState)
    .filter((call) => callMatches(call, params));
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

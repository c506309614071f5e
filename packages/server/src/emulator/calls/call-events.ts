import type { QueryParams } from '../../http/api/query-params.js';
import type { Delivery } from '../../storage/store.js';
import type { CommandEntry } from './call-command-log.js';
import type { CallState } from './call-state.js';

/** The spec's `CallEvent`: a command the app sent or a webhook Telnyx sent, on one leg. */
export interface CallEvent {
  readonly record_type: 'call_event';
  readonly call_leg_id: string;
  readonly call_session_id: string;
  readonly event_timestamp: string;
  readonly name: string;
  readonly type: 'command' | 'webhook';
  readonly metadata: Readonly<Record<string, unknown>>;
}

/** What a call's events are built from: the call, its logged commands and its webhooks. */
export interface CallHistory {
  readonly call: CallState;
  readonly commands: readonly CommandEntry[];
  readonly deliveries: readonly Delivery[];
}

/** Without `leg_id` or `application_session_id`, only the last 24 hours are listed (the spec). */
const DEFAULT_WINDOW_MS = 24 * 60 * 60 * 1000;

/** A call's events, oldest first. Far-end simulator actions are not Telnyx events, so none. */
export function callEvents(history: CallHistory): CallEvent[] {
  const { call } = history;
  const base = {
    record_type: 'call_event' as const,
    call_leg_id: call.legId,
    call_session_id: call.sessionId,
  };
  const commands = history.commands
    .filter((entry) => entry.source === 'command')
    .map((entry) => ({
      ms: entry.at,
      event: {
        ...base,
        event_timestamp: new Date(entry.at).toISOString(),
        name: entry.action,
        type: 'command' as const,
        metadata: { status: entry.status, body: entry.body, failed: entry.status >= 400 },
      },
    }));
  const webhooks = history.deliveries.map((delivery) => ({
    ms: delivery.createdAt,
    event: {
      ...base,
      event_timestamp: new Date(delivery.createdAt).toISOString(),
      name: delivery.eventType,
      type: 'webhook' as const,
      metadata: {
        event: delivery.webhook,
        delivery_state: delivery.state,
        failed: delivery.state === 'failed',
      },
    },
  }));
  return [...commands, ...webhooks].sort((a, b) => a.ms - b.ms).map(({ event }) => event);
}

/** Does the call pass the call-level filters (leg, session, connection, parties, status)? */
export function callMatches(call: CallState, params: QueryParams): boolean {
  const checks: readonly (readonly [string, string])[] = [
    ['leg_id', call.legId],
    ['application_session_id', call.sessionId],
    ['connection_id', call.connectionId],
    ['from', call.from],
    ['to', call.to],
    ['status', statusOf(call)],
  ];
  if ((params.get('filter[product]') ?? 'call_control') !== 'call_control') return false;
  return checks.every(([name, value]) => {
    const wanted = params.get(`filter[${name}]`);
    return wanted === undefined || wanted === value;
  });
}

/** Event-level filters: name, type, failed, and one occurred_at bound (24 h by default). */
export function eventMatches(event: CallEvent, params: QueryParams, now: number): boolean {
  const at = Date.parse(event.event_timestamp);
  const failed = params.get('filter[failed]');
  if (!same(params.get('filter[name]'), event.name)) return false;
  if (!same(params.get('filter[type]'), event.type)) return false;
  if (failed !== undefined && String(event.metadata['failed']) !== failed) return false;
  const scoped = params.has('filter[leg_id]') || params.has('filter[application_session_id]');
  if (!scoped && at < now - DEFAULT_WINDOW_MS) return false;
  return withinOccurredAt(at, params);
}

function withinOccurredAt(at: number, params: QueryParams): boolean {
  const bound = (op: string): number | null => {
    const value = params.get(`filter[occurred_at][${op}]`);
    return value === undefined ? null : Date.parse(value);
  };
  const [eq, gt, gte, lt, lte] = ['eq', 'gt', 'gte', 'lt', 'lte'].map(bound);
  return (
    (eq == null || at === eq) &&
    (gt == null || at > gt) &&
    (gte == null || at >= gte) &&
    (lt == null || at < lt) &&
    (lte == null || at <= lte)
  );
}

function same(wanted: string | undefined, value: string): boolean {
  return wanted === undefined || wanted === value;
}

function statusOf(call: CallState): 'init' | 'in_progress' | 'completed' {
  if (call.phase === 'ended') return 'completed';
  return call.phase === 'answered' ? 'in_progress' : 'init';
}

import type { Delivery, JsonObject } from '../../storage/store.js';
import type { CallState } from './call-state.js';
import type { CommandEntry } from './call-command-log.js';

/** One line of a call's timeline, as `GET /switchboard/calls/{id}/timeline` shows it. */
export interface TimelineEntry {
  readonly at: string;
  readonly kind: 'started' | 'command' | 'far_end' | 'event';
  /** The command or far-end action, the event type, or the call's direction. */
  readonly name: string;
  readonly detail: JsonObject;
}

/** Merges a call's start, its logged commands and its webhooks into one list, oldest first. */
export function callTimeline(
  call: CallState,
  commands: readonly CommandEntry[],
  events: readonly Delivery[],
): TimelineEntry[] {
  const entries: Timed[] = [
    started(call),
    ...commands.map(commandEntry),
    ...events.map(eventEntry),
  ];
  return entries
    .sort((a, b) => a.ms - b.ms || RANK[a.kind] - RANK[b.kind])
    .map(({ ms: _ms, ...entry }) => entry);
}

type Timed = TimelineEntry & { readonly ms: number };

/** Within one millisecond, causes come before what they caused. */
const RANK: Readonly<Record<TimelineEntry['kind'], number>> = {
  started: 0,
  far_end: 1,
  command: 1,
  event: 2,
};

function started(call: CallState): Timed {
  return {
    ms: call.startedAt,
    at: new Date(call.startedAt).toISOString(),
    kind: 'started',
    name: call.direction,
    detail: { from: call.from, to: call.to, connection_id: call.connectionId },
  };
}

function commandEntry(entry: CommandEntry): Timed {
  return {
    ms: entry.at,
    at: new Date(entry.at).toISOString(),
    kind: entry.source,
    name: entry.action,
    detail: { status: entry.status, body: entry.body },
  };
}

function eventEntry(delivery: Delivery): Timed {
  return {
    ms: delivery.createdAt,
    at: new Date(delivery.createdAt).toISOString(),
    kind: 'event',
    name: delivery.eventType,
    detail: {
      delivery_id: delivery.id,
      state: delivery.state,
      attempts: delivery.attempts,
      url: delivery.target.url,
    },
  };
}

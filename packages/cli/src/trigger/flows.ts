import { randomUUID } from 'node:crypto';
import { eventTemplate, type TelnyxEventType, type TemplateIds } from '@switchboard/core';
import type { JsonRecord } from './set-path.js';

/** The stories `trigger --flow` can send. */
export const FLOW_NAMES = ['inbound-call', 'outbound-call', 'message'] as const;
export type FlowName = (typeof FLOW_NAMES)[number];

interface FlowStep {
  readonly type: TelnyxEventType;
  /** Payload fields that differ from the template for this story. */
  readonly payload?: JsonRecord;
}

const FLOWS: Readonly<Record<FlowName, readonly FlowStep[]>> = {
  'inbound-call': [
    { type: 'call.initiated' },
    { type: 'call.answered' },
    { type: 'call.speak.started' },
    { type: 'call.speak.ended' },
    { type: 'call.dtmf.received' },
    { type: 'call.hangup' },
  ],
  'outbound-call': [
    { type: 'call.initiated', payload: { direction: 'outgoing', state: 'bridging' } },
    { type: 'call.answered' },
    { type: 'call.playback.started' },
    { type: 'call.playback.ended' },
    { type: 'call.hangup', payload: { hangup_source: 'callee' } },
  ],
  message: [{ type: 'message.sent' }, { type: 'message.finalized' }],
};

/** Where a flow gets its ids and time; injectable so tests are deterministic. */
export interface FlowSources {
  readonly randomId: () => string;
  readonly now: () => Date;
}

const STEP_MS = 1_000;

/**
 * One whole story as webhook envelopes, in the order Telnyx sends them: the same call (or
 * message) ids throughout, a fresh event id each, and `occurred_at` one second apart.
 */
export function flowEvents(
  flow: FlowName,
  sources: FlowSources = { randomId: randomUUID, now: () => new Date() },
): JsonRecord[] {
  const ids = storyIds(sources);
  const start = sources.now().getTime();
  return FLOWS[flow].map((step, index) => {
    const at = { randomId: sources.randomId, now: () => new Date(start + index * STEP_MS) };
    const event = eventTemplate(step.type, ids, at) as unknown as { data: JsonRecord };
    const payload = { ...(event.data['payload'] as JsonRecord), ...step.payload };
    return { ...event, data: { ...event.data, payload } };
  });
}

/** The event types of a flow, in order. */
export function flowTypes(flow: FlowName): TelnyxEventType[] {
  return FLOWS[flow].map((step) => step.type);
}

function storyIds(sources: FlowSources): TemplateIds {
  const id = sources.randomId();
  return {
    callControlId: `v3:${Buffer.from(id).toString('base64url')}`,
    callLegId: sources.randomId(),
    callSessionId: sources.randomId(),
    messageId: id,
  };
}

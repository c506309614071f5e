import { CALL_FEATURE_PAYLOADS } from './call-feature-templates.js';
import { CALL_PAYLOADS } from './call-templates.js';
import { CONFERENCE_PAYLOADS } from './conference-templates.js';
import { MESSAGE_PAYLOADS } from './message-templates.js';
import type { EventOf, PayloadOf, TelnyxEventType } from './telnyx-event.js';
import { resolveIds, type ResolvedIds, type TemplateIds } from './template-ids.js';

export type { TemplateIds } from './template-ids.js';

/** Where a template gets fresh ids and the time; injectable so tests are deterministic. */
export interface TemplateSources {
  readonly randomId: () => string;
  readonly now: () => Date;
}

const DEFAULT_SOURCES: TemplateSources = {
  randomId: () => globalThis.crypto.randomUUID(),
  now: () => new Date(),
};

// Typed as the full map, so an event type without a template does not compile.
const PAYLOADS: { readonly [T in TelnyxEventType]: (ids: ResolvedIds) => PayloadOf<T> } = {
  ...CALL_PAYLOADS,
  ...CALL_FEATURE_PAYLOADS,
  ...CONFERENCE_PAYLOADS,
  ...MESSAGE_PAYLOADS,
};

/** The URL `meta.delivered_to` names in templates. */
export const TEMPLATE_DELIVERED_TO = 'https://app.example.com/webhooks/telnyx';

/**
 * A realistic v2 event of `type` that validates against the OpenAPI schema. Events built
 * with the same `ids` describe the same call or message, so sequences stay consistent.
 *
 * @example eventTemplate('call.hangup', { callControlId: 'v3:abc' })
 */
export function eventTemplate<T extends TelnyxEventType>(
  type: T,
  ids: TemplateIds = {},
  sources: TemplateSources = DEFAULT_SOURCES,
): EventOf<T> {
  const resolved = resolveIds(ids, sources.randomId, sources.now);
  const payload = (PAYLOADS[type] as (ids: ResolvedIds) => PayloadOf<T>)(resolved);
  return {
    data: {
      record_type: 'event',
      event_type: type,
      id: resolved.eventId,
      occurred_at: resolved.occurredAt.toISOString(),
      payload,
    },
    meta: { attempt: 1, delivered_to: TEMPLATE_DELIVERED_TO },
  };
}

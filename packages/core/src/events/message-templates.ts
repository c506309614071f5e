import type { InboundMessagePayload } from './generated/inbound-message-payload.js';
import type { OutboundMessagePayload } from './generated/outbound-message-payload.js';
import type { PayloadOf, TelnyxEventType } from './telnyx-event.js';
import { isoAt, type ResolvedIds } from './template-ids.js';

type MessageEventType = Extract<TelnyxEventType, `message.${string}`>;
type PayloadBuilders = { readonly [T in MessageEventType]: (ids: ResolvedIds) => PayloadOf<T> };
type DeliveryStatus = NonNullable<NonNullable<OutboundMessagePayload['to']>[number]['status']>;

const ORGANIZATION_ID = '9d2b6f0e-5a41-4c8e-b1f3-6e7a8c9d0b12';
const COST = { amount: '0.0040', currency: 'USD' } as const;
const TEXT = 'Your appointment is confirmed for 3 PM tomorrow.';

function common(ids: ResolvedIds) {
  return {
    record_type: 'message',
    id: ids.messageId,
    messaging_profile_id: ids.messagingProfileId,
    organization_id: ORGANIZATION_ID,
    type: 'SMS',
    text: TEXT,
    encoding: 'GSM-7',
    parts: 1,
    num_chars: TEXT.length,
    media: [],
    cc: [],
    tags: [],
    subject: null,
    received_at: isoAt(ids, -2_000),
    valid_until: null,
    webhook_url: 'https://app.example.com/webhooks/telnyx',
    webhook_failover_url: null,
  } as const;
}

// `status` is the only thing that differs between the outbound events, apart from the
// completion time and, for failures, the error.
function outbound(
  ids: ResolvedIds,
  status: DeliveryStatus,
  final: boolean,
): OutboundMessagePayload {
  return {
    ...common(ids),
    direction: 'outbound',
    from: { phone_number: ids.from, carrier: 'Telnyx', line_type: 'VoIP' },
    to: [{ phone_number: ids.to, carrier: 'T-Mobile USA', line_type: 'Wireless', status }],
    sent_at: isoAt(ids, -1_000),
    completed_at: final ? isoAt(ids) : null,
    cost: COST,
    errors: [],
  };
}

function inbound(ids: ResolvedIds): InboundMessagePayload {
  return {
    ...common(ids),
    direction: 'inbound',
    from: { phone_number: ids.from, carrier: 'T-Mobile USA', line_type: 'Wireless' },
    to: [
      { phone_number: ids.to, carrier: 'Telnyx', line_type: 'VoIP', status: 'webhook_delivered' },
    ],
    sent_at: null,
    completed_at: null,
    cost: COST,
    errors: [],
  };
}

const NOT_ROUTABLE = {
  code: '40001',
  title: 'Not routable',
  detail: 'The destination number is a landline or otherwise cannot receive SMS/MMS.',
};

/** Realistic payloads for every messaging event type. */
export const MESSAGE_PAYLOADS: PayloadBuilders = {
  'message.sent': (ids) => outbound(ids, 'sent', false),
  'message.delivered': (ids) => outbound(ids, 'delivered', true),
  'message.failed': (ids) => ({
    ...outbound(ids, 'delivery_failed', true),
    errors: [NOT_ROUTABLE],
  }),
  'message.received': inbound,
  'message.finalized': (ids) => outbound(ids, 'delivered', true),
};

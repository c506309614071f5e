import type { JsonObject } from '../../storage/store.js';
import { encodeText } from './message-encoding.js';
import { messageCost } from './message-cost.js';
import type { FinalStatus, LineType, MessageError } from './message-test-numbers.js';
import type { SendMessageRequest } from './send-message-request.js';

/** Carrier shown for numbers the account owns. */
export const OWN_CARRIER = 'TELNYX LLC';
/** Carrier shown for every far end; fictional, like the test numbers. */
export const FAR_CARRIER = 'SWITCHBOARD EMULATED CARRIER';
/** How long a queued message stays valid (the emulator's pick; Telnyx leaves it open). */
const VALIDITY_MS = 4 * 60 * 60 * 1000;

/** Outbound `to[].status` values the emulator steps through. */
export type OutboundStatus =
  'scheduled' | 'cancelled' | 'queued' | 'sending' | 'sent' | FinalStatus;

export interface NewOutboundMessage {
  readonly id: string;
  readonly organizationId: string | null;
  readonly messagingProfileId: string;
  readonly from: string;
  readonly request: SendMessageRequest;
  readonly toLineType: LineType;
  readonly now: number;
  /** The other recipients of a group MMS, each with its own message. */
  readonly cc?: readonly string[];
}

const iso = (ms: number): string => new Date(ms).toISOString();

/** The `OutboundMessagePayload` of a message just accepted, with `to[].status` `queued`. */
export function newOutboundMessage(input: NewOutboundMessage): JsonObject {
  const { request } = input;
  const text = encodeText(request.text, request.encoding);
  const parts = request.type === 'MMS' ? 1 : text.parts;
  return {
    record_type: 'message',
    id: input.id,
    direction: 'outbound',
    type: request.type,
    ...(input.organizationId === null ? {} : { organization_id: input.organizationId }),
    messaging_profile_id: input.messagingProfileId,
    from: { phone_number: input.from, carrier: OWN_CARRIER, line_type: 'VoIP' },
    to: [toEntry(request.to, request.sendAt === null ? 'queued' : 'scheduled', input.toLineType)],
    cc: (input.cc ?? []).map((number) => toEntry(number, 'queued', 'Wireless')),
    text: request.text,
    subject: request.subject,
    media: request.mediaUrls.map((url) => ({ url, content_type: null, sha256: null, size: null })),
    webhook_url: request.webhookUrl,
    webhook_failover_url: request.webhookFailoverUrl,
    encoding: text.encoding,
    parts,
    num_chars: text.numChars,
    tags: [],
    ...messageCost(request.type, parts),
    received_at: iso(input.now),
    sent_at: null,
    completed_at: null,
    // A scheduled message is not queued yet, so nothing can expire; it shows when it goes.
    valid_until: request.sendAt === null ? iso(input.now + VALIDITY_MS) : null,
    ...(request.sendAt === null ? {} : { send_at: iso(request.sendAt) }),
    errors: [],
    wait_seconds: 0,
    smart_encoding_applied: false,
    tcr_campaign_id: null,
    tcr_campaign_billable: false,
    tcr_campaign_registered: null,
  };
}

function toEntry(phoneNumber: string, status: OutboundStatus, lineType: LineType): JsonObject {
  return { phone_number: phoneNumber, status, carrier: FAR_CARRIER, line_type: lineType };
}

/** The status of the message's (first) recipient. */
export function statusOf(message: JsonObject): string | null {
  const [first] = Array.isArray(message['to']) ? message['to'] : [];
  const status =
    typeof first === 'object' && first !== null && !Array.isArray(first) ? first['status'] : null;
  return typeof status === 'string' ? status : null;
}

/** A scheduled message whose time has come: queued now, valid for the usual time. */
export function markQueued(message: JsonObject, now: number): JsonObject {
  return { ...withStatus(message, 'queued'), valid_until: iso(now + VALIDITY_MS) };
}

/** The message with its recipient's status changed. */
export function withStatus(message: JsonObject, status: OutboundStatus): JsonObject {
  const to = Array.isArray(message['to']) ? message['to'] : [];
  return {
    ...message,
    to: to.map((entry) =>
      typeof entry === 'object' && entry !== null && !Array.isArray(entry)
        ? { ...entry, status }
        : entry,
    ),
  };
}

/** Left the queue for the carrier: `valid_until` no longer applies (spec). */
export function markSent(message: JsonObject, now: number): JsonObject {
  return { ...withStatus(message, 'sent'), sent_at: iso(now), valid_until: null };
}

/** Reached a final status, with the error that caused a failure. */
export function markFinal(
  message: JsonObject,
  status: FinalStatus,
  error: MessageError | null,
  now: number,
): JsonObject {
  return {
    ...withStatus(message, status),
    valid_until: null,
    completed_at: iso(now),
    errors: error === null ? [] : [{ ...error }],
  };
}

import type { JsonObject } from '../../storage/store.js';
import { encodeText } from './message-encoding.js';
import { messageCost } from './message-cost.js';
import { mediaContentType } from './media-content-type.js';
import type { ProfileRouting } from './messaging-profile.js';
import { FAR_CARRIER, OWN_CARRIER } from './outbound-message.js';

/** A message arriving from the far end, as `POST /switchboard/simulate/messages` describes it. */
export interface InboundMessage {
  readonly id: string;
  readonly organizationId: string;
  readonly from: string;
  readonly to: string;
  readonly text: string;
  readonly mediaUrls: readonly string[];
  readonly profile: ProfileRouting;
  readonly now: number;
}

/** The `InboundMessagePayload` of a `message.received` event. */
export function newInboundMessage(input: InboundMessage): JsonObject {
  const type = input.mediaUrls.length > 0 ? 'MMS' : 'SMS';
  const text = encodeText(input.text);
  const parts = type === 'MMS' ? 1 : text.parts;
  return {
    record_type: 'message',
    id: input.id,
    direction: 'inbound',
    type,
    organization_id: input.organizationId,
    messaging_profile_id: input.profile.id,
    from: { phone_number: input.from, carrier: FAR_CARRIER, line_type: 'Wireless' },
    to: [{ phone_number: input.to, status: 'delivered', carrier: OWN_CARRIER, line_type: 'VoIP' }],
    cc: [],
    text: input.text,
    subject: null,
    media: input.mediaUrls.map((url) => ({ url, content_type: mediaContentType(url) })),
    webhook_url: input.profile.webhookUrl,
    webhook_failover_url: input.profile.webhookFailoverUrl,
    encoding: text.encoding,
    parts,
    num_chars: text.numChars,
    tags: [],
    ...messageCost(type, parts),
    received_at: new Date(input.now).toISOString(),
    sent_at: null,
    completed_at: null,
    valid_until: null,
    errors: [],
    tcr_campaign_id: null,
    tcr_campaign_billable: false,
    tcr_campaign_registered: null,
  };
}

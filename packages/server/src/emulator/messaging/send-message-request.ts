import { refuseIssues, requiredIssue, ruleIssue } from '../phone-numbers/rule-issues.js';
import type { SendMessageBody, SendRoute } from './messaging-schemas.js';

export type { SendRoute } from './messaging-schemas.js';

/** A send body its declaration and rules accepted (spec `CreateMessageRequest` and its per-route variants). */
export interface SendMessageRequest {
  readonly route: SendRoute;
  readonly to: string;
  readonly from: string | null;
  readonly messagingProfileId: string | null;
  readonly text: string;
  readonly subject: string | null;
  readonly mediaUrls: readonly string[];
  readonly type: 'SMS' | 'MMS';
  readonly webhookUrl: string | null;
  readonly webhookFailoverUrl: string | null;
  readonly useProfileWebhooks: boolean;
  readonly encoding: 'auto' | 'gsm7' | 'ucs2';
  /** Epoch ms of `send_at`, or null to send now. */
  readonly sendAt: number | null;
}

/**
 * The send request of a declared body on `route`; throws the 422 of a rule the declaration
 * cannot express (an SMS needs text; an alphanumeric sender sends SMS only).
 */
export function toSendRequest(
  body: SendMessageBody,
  route: SendRoute = 'messages',
): SendMessageRequest {
  if (route === 'alphanumeric_sender_id' && body.type === 'MMS') {
    refuseIssues([ruleIssue('/type', 'Alphanumeric sender IDs send SMS only.')]);
  }
  const mediaUrls = route === 'alphanumeric_sender_id' ? [] : (body.media_urls ?? []);
  const type = body.type ?? (mediaUrls.length > 0 ? 'MMS' : 'SMS');
  const text = body.text ?? '';
  if (text === '' && (type === 'SMS' || mediaUrls.length === 0)) {
    refuseIssues([requiredIssue('/text', "The 'text' parameter is required for SMS.")]);
  }
  const sendAt = body.send_at ?? null;
  return {
    route,
    to: body.to,
    // A number pool picks the sender; a `from` in its body is not used.
    from: route === 'number_pool' ? null : body.from || null,
    messagingProfileId: body.messaging_profile_id || null,
    text,
    subject: type === 'MMS' ? (body.subject ?? null) : null,
    mediaUrls: type === 'MMS' ? mediaUrls : [],
    type,
    webhookUrl: body.webhook_url || null,
    webhookFailoverUrl: body.webhook_failover_url || null,
    useProfileWebhooks: body.use_profile_webhooks ?? true,
    encoding: body.encoding ?? 'auto',
    sendAt: sendAt === null ? null : Date.parse(sendAt),
  };
}

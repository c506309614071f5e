import {
  isFieldError,
  isHttpUrl,
  optionalBoolean,
  optionalEnum,
  optionalString,
  optionalStringList,
  optionalUrl,
  requiredE164,
  type Body,
} from '../phone-numbers/body-checks.js';
import { fieldErrors, type FieldError } from '../phone-numbers/field-error.js';

/**
 * The send routes: `POST /v2/messages` and its sender-specific siblings. Each names who sends
 * (`from` a number, a short code, an alphanumeric sender ID, or a profile's number pool).
 */
export type SendRoute =
  'messages' | 'long_code' | 'short_code' | 'number_pool' | 'alphanumeric_sender_id' | 'schedule';

/** A checked send body (spec `CreateMessageRequest` and its per-route variants). */
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

// Fields each route requires beyond `to` (spec request schemas).
const REQUIRED: Readonly<Record<SendRoute, readonly string[]>> = {
  messages: [],
  long_code: ['from'],
  short_code: ['from'],
  number_pool: ['messaging_profile_id'],
  alphanumeric_sender_id: ['from', 'messaging_profile_id', 'text'],
  schedule: ['send_at'],
};

/** Checks a send request for `route`; returns it, or every problem found. */
export function checkSendMessage(
  body: Body,
  route: SendRoute = 'messages',
): SendMessageRequest | FieldError[] {
  const missing = REQUIRED[route].filter((key) => body[key] === undefined || body[key] === '');
  const fields = {
    to: requiredE164(body, 'to'),
    // A number pool picks the sender; a `from` in its body is not used.
    from: route === 'number_pool' ? undefined : optionalString(body, 'from'),
    messagingProfileId: optionalString(body, 'messaging_profile_id'),
    text: optionalString(body, 'text'),
    subject: optionalString(body, 'subject'),
    mediaUrls: checkMediaUrls(body),
    type: optionalEnum(body, 'type', ['SMS', 'MMS'] as const),
    webhookUrl: optionalUrl(body, 'webhook_url'),
    webhookFailoverUrl: optionalUrl(body, 'webhook_failover_url'),
    useProfileWebhooks: optionalBoolean(body, 'use_profile_webhooks'),
    encoding: optionalEnum(body, 'encoding', ['auto', 'gsm7', 'ucs2'] as const),
    sendAt: checkSendAt(body),
  };
  const errors = [
    ...missing.map((key) =>
      fieldErrors.missing(`The '${key}' parameter is required and cannot be blank.`, `/${key}`),
    ),
    ...Object.values(fields).filter(isFieldError),
  ];
  if (errors.length > 0) return errors;
  if (route === 'alphanumeric_sender_id' && fields.type === 'MMS') {
    return [fieldErrors.invalidValue('Alphanumeric sender IDs send SMS only.', '/type')];
  }
  return withContent(route, fields as Unchecked);
}

type Unchecked = {
  readonly [K in keyof SendMessageRequest]: SendMessageRequest[K] | null | undefined;
};

function checkSendAt(body: Body): number | null | FieldError {
  const value = body['send_at'];
  if (value === undefined || value === null) return null;
  const at = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  if (Number.isFinite(at)) return at;
  return fieldErrors.invalidValue("'send_at' must be an ISO 8601 date-time.", '/send_at');
}

function withContent(route: SendRoute, f: Unchecked): SendMessageRequest | FieldError[] {
  const mediaUrls = route === 'alphanumeric_sender_id' ? [] : (f.mediaUrls ?? []);
  const type = f.type ?? (mediaUrls.length > 0 ? 'MMS' : 'SMS');
  const text = f.text ?? '';
  if (text === '' && (type === 'SMS' || mediaUrls.length === 0)) {
    return [fieldErrors.missing("The 'text' parameter is required for SMS.", '/text')];
  }
  return {
    route,
    to: f.to ?? '',
    from: f.from || null,
    messagingProfileId: f.messagingProfileId || null,
    text,
    subject: type === 'MMS' ? (f.subject ?? null) : null,
    mediaUrls: type === 'MMS' ? mediaUrls : [],
    type,
    webhookUrl: f.webhookUrl || null,
    webhookFailoverUrl: f.webhookFailoverUrl || null,
    useProfileWebhooks: f.useProfileWebhooks ?? true,
    encoding: f.encoding ?? 'auto',
    sendAt: f.sendAt ?? null,
  };
}

function checkMediaUrls(body: Body): string[] | undefined | FieldError {
  const urls = optionalStringList(body, 'media_urls');
  if (urls === undefined || isFieldError(urls)) return urls;
  const bad = urls.findIndex((url) => !isHttpUrl(url));
  if (bad < 0) return urls;
  return fieldErrors.invalidUrl(
    'Each media URL must be an absolute http(s) URL.',
    `/media_urls/${bad}`,
  );
}

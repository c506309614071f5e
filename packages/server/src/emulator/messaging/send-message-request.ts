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

/** A checked `POST /v2/messages` body (spec `CreateMessageRequest`). */
export interface SendMessageRequest {
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
}

/** Checks a send request; returns it, or every problem found. */
export function checkSendMessage(body: Body): SendMessageRequest | FieldError[] {
  const fields = {
    to: requiredE164(body, 'to'),
    from: optionalString(body, 'from'),
    messagingProfileId: optionalString(body, 'messaging_profile_id'),
    text: optionalString(body, 'text'),
    subject: optionalString(body, 'subject'),
    mediaUrls: checkMediaUrls(body),
    type: optionalEnum(body, 'type', ['SMS', 'MMS'] as const),
    webhookUrl: optionalUrl(body, 'webhook_url'),
    webhookFailoverUrl: optionalUrl(body, 'webhook_failover_url'),
    useProfileWebhooks: optionalBoolean(body, 'use_profile_webhooks'),
    encoding: optionalEnum(body, 'encoding', ['auto', 'gsm7', 'ucs2'] as const),
  };
  const errors = Object.values(fields).filter(isFieldError);
  if (errors.length > 0) return errors;
  return withContent(fields as Unchecked);
}

type Unchecked = {
  readonly [K in keyof SendMessageRequest]: SendMessageRequest[K] | null | undefined;
};

function withContent(f: Unchecked): SendMessageRequest | FieldError[] {
  const mediaUrls = f.mediaUrls ?? [];
  const type = f.type ?? (mediaUrls.length > 0 ? 'MMS' : 'SMS');
  const text = f.text ?? '';
  if (text === '' && (type === 'SMS' || mediaUrls.length === 0)) {
    return [fieldErrors.missing("The 'text' parameter is required for SMS.", '/text')];
  }
  return {
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

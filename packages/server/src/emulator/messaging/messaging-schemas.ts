import {
  AnyObject,
  ChaosProfile,
  DateTime,
  decoderOf,
  E164,
  LENIENT,
  MediaUrl,
  Nullable,
  OneOf,
  Text,
  WebhookUrl,
} from '@switchboard/core/contract';
import Type, { type Static, type TProperties } from 'typebox';
import { PageQuery } from '../phone-numbers/page-query.js';

/** The webhook formats a messaging profile may ask for. */
export const WEBHOOK_API_VERSIONS = ['1', '2', '2010-04-01'] as const;

const COUNTRY_OR_ALL = '^(?:\\*|[A-Z]{2})$';

/**
 * `whitelisted_destinations`: ISO 3166-1 alpha-2 codes, or `["*"]` for all. A bad code is one
 * 10015 on the list (`not` of "contains a bad item"), as Telnyx reports it.
 */
const Destinations = Type.Array(Type.String(), {
  not: { contains: { not: { pattern: COUNTRY_OR_ALL } } },
  'x-expected': 'ISO 3166-1 alpha-2 country codes, or ["*"] for all',
});

/** The writable fields of `MessagingProfile`, in the order their problems are reported. */
const PROFILE_FIELDS = {
  enabled: Type.Boolean(),
  webhook_url: Nullable(WebhookUrl()),
  webhook_failover_url: Nullable(WebhookUrl()),
  webhook_api_version: OneOf([...WEBHOOK_API_VERSIONS]),
  whitelisted_destinations: Destinations,
  alpha_sender: Nullable(
    Type.String({
      pattern: '^[A-Za-z0-9 ]{1,11}$',
      'x-expected': '1 to 11 letters, digits or spaces',
    }),
  ),
  daily_spend_limit: Nullable(
    Type.String({
      pattern: '^[0-9]+(?:\\.[0-9]+)?$',
      'x-expected': 'a decimal amount, e.g. "100.00"',
    }),
  ),
  daily_spend_limit_enabled: Type.Boolean(),
  mms_fall_back_to_sms: Type.Boolean(),
  mms_transcoding: Type.Boolean(),
  mobile_only: Type.Boolean(),
  smart_encoding: Type.Boolean(),
  redaction_enabled: Type.Boolean(),
  health_webhook_url: Nullable(WebhookUrl()),
  number_pool_settings: Nullable(AnyObject()),
  url_shortener_settings: Nullable(AnyObject()),
  ai_assistant_id: Nullable(Type.String()),
  resource_group_id: Nullable(Type.String()),
  v1_secret: Nullable(Type.String()),
  switchboard_chaos: Nullable(ChaosProfile),
};

function optional<T extends TProperties>(fields: T) {
  return Type.Partial(Type.Object(fields)).properties;
}

/** `POST /v2/messaging_profiles` (`CreateMessagingProfileRequest`): `name` is required. */
export const CreateMessagingProfile = Type.Object(
  { name: Text(), ...optional(PROFILE_FIELDS) },
  { [LENIENT]: true },
);

/** `PATCH /v2/messaging_profiles/{id}`: any writable field. */
export const UpdateMessagingProfile = Type.Object(
  { name: Type.Optional(Text()), ...optional(PROFILE_FIELDS) },
  { [LENIENT]: true },
);

/** The spec's `MessagingProfile`, as stored and answered. */
export const MessagingProfile = Type.Object({
  id: Type.String(),
  record_type: Type.Literal('messaging_profile'),
  organization_id: Type.String(),
  name: Type.String(),
  ...optional({ ...PROFILE_FIELDS, webhook_url: Nullable(Type.String()) }),
  webhook_failover_url: Type.Optional(Nullable(Type.String())),
  health_webhook_url: Type.Optional(Nullable(Type.String())),
  redaction_level: Type.Optional(Type.Integer()),
  created_at: Type.String(),
  updated_at: Type.String(),
});

export const decodeProfile = decoderOf('messaging_profile', MessagingProfile);

export const ProfileListQuery = Type.Object({
  ...PageQuery,
  'filter[name]': Type.Optional(Type.String()),
  'filter[name][eq]': Type.Optional(Type.String()),
  'filter[name][contains]': Type.Optional(Type.String()),
});

export const ProfileParams = Type.Object({ id: Type.String() });

/** The spec's `time_frame` values of profile metrics. */
export const MetricsQuery = Type.Object({
  time_frame: Type.Optional(OneOf(['1h', '3h', '24h', '3d', '7d', '30d'], { default: '24h' })),
});

export const ProfileMetrics = Type.Object({
  record_type: Type.Literal('messaging_profile_metrics'),
  messaging_profile_id: Type.String(),
  time_frame: Type.String(),
  outbound: Type.Record(Type.String(), Type.Integer()),
  inbound: Type.Object({ total: Type.Integer() }),
});

export const AlphanumericSenderId = Type.Object({
  id: Type.String(),
  record_type: Type.Literal('alphanumeric_sender_id'),
  alphanumeric_sender_id: Type.String(),
  messaging_profile_id: Type.String(),
  organization_id: Type.String(),
  us_long_code_fallback: Type.String(),
});

/** The sender rules of each send route. */
export type SendRoute =
  'messages' | 'long_code' | 'short_code' | 'number_pool' | 'alphanumeric_sender_id' | 'schedule';

const SEND_FIELDS = {
  to: E164(),
  from: Type.String(),
  messaging_profile_id: Type.String(),
  text: Type.String(),
  subject: Nullable(Type.String()),
  media_urls: Type.Array(MediaUrl()),
  type: OneOf(['SMS', 'MMS']),
  webhook_url: Nullable(WebhookUrl()),
  webhook_failover_url: Nullable(WebhookUrl()),
  use_profile_webhooks: Type.Boolean(),
  encoding: OneOf(['auto', 'gsm7', 'ucs2']),
  send_at: Nullable(DateTime()),
};

/** `POST /v2/messages` (`CreateMessageRequest`): only `to` is required. */
const { to: SEND_TO, ...SEND_OPTIONS } = SEND_FIELDS;
export const SendMessage = Type.Object(
  { to: SEND_TO, ...optional(SEND_OPTIONS) },
  { [LENIENT]: true },
);

/** The send body of each route (spec request schemas): who sends is required per route. */
export const SEND_BODIES = {
  messages: SendMessage,
  long_code: Type.Object({ ...SendMessage.properties, from: Text() }, { [LENIENT]: true }),
  short_code: Type.Object({ ...SendMessage.properties, from: Text() }, { [LENIENT]: true }),
  number_pool: Type.Object(
    { ...SendMessage.properties, messaging_profile_id: Text() },
    { [LENIENT]: true },
  ),
  alphanumeric_sender_id: Type.Object(
    { ...SendMessage.properties, from: Text(), messaging_profile_id: Text(), text: Text() },
    { [LENIENT]: true },
  ),
  schedule: Type.Object({ ...SendMessage.properties, send_at: DateTime() }, { [LENIENT]: true }),
} as const;

/** `POST /v2/messages/group_mms`: 1 to 8 distinct recipients, each gets its own MMS. */
export const SendGroupMms = Type.Object(
  {
    ...SendMessage.properties,
    to: Type.Array(E164(), { 'x-expected': 'a list of +E.164 numbers' }),
    from: Text(),
  },
  { [LENIENT]: true },
);

export type SendMessageBody = Static<typeof SendMessage>;
export type SendGroupMmsBody = Static<typeof SendGroupMms>;

const Party = Type.Object({
  phone_number: Type.String(),
  carrier: Type.String(),
  line_type: Type.String(),
});

const Recipient = Type.Object({
  phone_number: Type.String(),
  status: Type.String(),
  carrier: Type.String(),
  line_type: Type.String(),
});

/** A message (`OutboundMessagePayload` / `InboundMessagePayload`), as stored and answered. */
export const Message = Type.Object({
  record_type: Type.Literal('message'),
  id: Type.String(),
  direction: OneOf(['outbound', 'inbound']),
  type: OneOf(['SMS', 'MMS']),
  organization_id: Type.Optional(Type.String()),
  messaging_profile_id: Nullable(Type.String()),
  from: Party,
  to: Type.Array(Recipient),
  cc: Type.Array(Recipient),
  text: Type.String(),
  subject: Nullable(Type.String()),
  media: Type.Array(
    Type.Object({
      url: Type.String(),
      content_type: Nullable(Type.String()),
      sha256: Type.Optional(Nullable(Type.String())),
      size: Type.Optional(Nullable(Type.Integer())),
    }),
  ),
  webhook_url: Nullable(Type.String()),
  webhook_failover_url: Nullable(Type.String()),
  encoding: Type.String(),
  parts: Type.Integer(),
  num_chars: Type.Integer(),
  tags: Type.Array(Type.String()),
  cost: Nullable(Type.Object({ amount: Type.String(), currency: Type.String() })),
  received_at: Type.String(),
  sent_at: Nullable(Type.String()),
  completed_at: Nullable(Type.String()),
  valid_until: Nullable(Type.String()),
  send_at: Type.Optional(Type.String()),
  errors: Type.Array(AnyObject()),
  wait_seconds: Type.Optional(Type.Number()),
  smart_encoding_applied: Type.Optional(Type.Boolean()),
  tcr_campaign_id: Nullable(Type.String()),
  tcr_campaign_billable: Type.Boolean(),
  tcr_campaign_registered: Nullable(Type.String()),
});

export const decodeMessage = decoderOf('message', Message);

export const MessageParams = Type.Object({ id: Type.String() });

/** A group MMS: its id and the ids of its per-recipient messages. */
export const MessageGroup = Type.Object({
  id: Type.String(),
  message_ids: Type.Array(Type.String()),
});
export const decodeMessageGroup = decoderOf('message_group', MessageGroup);

/** Auto-response config bodies (`AutoRespConfigCreateSchema`). */
export const AutorespBody = Type.Object(
  {
    op: OneOf(['start', 'stop', 'info']),
    keywords: Type.Array(Text(), { 'x-expected': 'a non-empty list of words' }),
    country_code: Text(),
    resp_text: Type.Optional(Nullable(Type.String())),
  },
  { [LENIENT]: true },
);

/** The stored config: the spec's fields plus the profile it belongs to. */
export const StoredAutoresp = Type.Object({
  id: Type.String(),
  messaging_profile_id: Type.String(),
  op: OneOf(['start', 'stop', 'info']),
  keywords: Type.Array(Type.String()),
  resp_text: Type.Optional(Type.String()),
  country_code: Type.String(),
  created_at: Type.String(),
  updated_at: Type.String(),
});
export const decodeAutoresp = decoderOf('autoresp_config', StoredAutoresp);

/** The spec's `AutorespConfigSchema`. */
export const AutorespConfig = Type.Omit(StoredAutoresp, ['messaging_profile_id']);

export const AutorespListQuery = Type.Object({
  ...PageQuery,
  country_code: Type.Optional(Type.String()),
  'created_at[gte]': Type.Optional(Type.String()),
  'created_at[lte]': Type.Optional(Type.String()),
  'updated_at[gte]': Type.Optional(Type.String()),
  'updated_at[lte]': Type.Optional(Type.String()),
});

export const AutorespParams = Type.Object({ profile_id: Type.String() });
export const AutorespConfigParams = Type.Object({
  profile_id: Type.String(),
  autoresp_cfg_id: Type.String(),
});

export type MessagingProfile = Static<typeof MessagingProfile>;
export type CreateMessagingProfile = Static<typeof CreateMessagingProfile>;
export type UpdateMessagingProfile = Static<typeof UpdateMessagingProfile>;
export type Message = Static<typeof Message>;
export type StoredAutoresp = Static<typeof StoredAutoresp>;
export type AutorespBody = Static<typeof AutorespBody>;

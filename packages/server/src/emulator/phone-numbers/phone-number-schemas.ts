import {
  AnyObject,
  E164,
  LENIENT,
  Nullable,
  OneOf,
  Text,
  decoderOf,
} from '@switchboard/core/contract';
import Type, { type Static } from 'typebox';
import { IdParams, PageMeta, PageQuery } from './page-query.js';
import { VoiceSettings, VoiceSettingsPatch } from './voice-settings-schema.js';

/** A number an account owns, as stored (`data` of a `phone_number` resource). */
export const StoredPhoneNumber = Type.Object({
  id: Type.String(),
  phone_number: Type.String(),
  connection_id: Nullable(Type.String()),
  messaging_profile_id: Nullable(Type.String()),
  // Numbers stored before these fields existed read with their defaults.
  messaging_product: Type.Optional(Type.String()),
  tags: Type.Optional(Type.Array(Type.String())),
  customer_reference: Type.Optional(Nullable(Type.String())),
  external_pin: Type.Optional(Nullable(Type.String())),
  billing_group_id: Type.Optional(Nullable(Type.String())),
  hd_voice_enabled: Type.Optional(Type.Boolean()),
  voice: Type.Optional(VoiceSettingsPatch),
  created_at: Type.String(),
  updated_at: Type.String(),
});

export const decodePhoneNumber = decoderOf('phone_number', StoredPhoneNumber);

const NumberCore = {
  id: Type.String(),
  record_type: Type.Literal('phone_number'),
  phone_number: Type.String(),
  status: Type.String(),
  phone_number_type: OneOf(['local', 'toll_free']),
  country_iso_alpha2: Type.String(),
  connection_id: Nullable(Type.String()),
  customer_reference: Nullable(Type.String()),
  external_pin: Nullable(Type.String()),
  billing_group_id: Nullable(Type.String()),
  hd_voice_enabled: Type.Boolean(),
  emergency_enabled: Type.Boolean(),
  emergency_address_id: Type.Null(),
  emergency_status: Type.String(),
  call_forwarding_enabled: Type.Boolean(),
  call_recording_enabled: Type.Boolean(),
  caller_id_name_enabled: Type.Boolean(),
  cnam_listing_enabled: Type.Boolean(),
  t38_fax_gateway_enabled: Type.Boolean(),
  inbound_call_screening: Type.String(),
  purchased_at: Type.String(),
  activated_at: Type.String(),
  created_at: Type.String(),
  updated_at: Type.String(),
};

/** The spec's `PhoneNumberSlim` (`GET /v2/phone_numbers/slim`). */
export const PhoneNumberSlim = Type.Object(NumberCore);

/** The spec's `PhoneNumberDetailed` (`/v2/phone_numbers`). */
export const PhoneNumberDetailed = Type.Object({
  source_type: Type.String(),
  deletion_lock_enabled: Type.Boolean(),
  ...NumberCore,
  connection_name: Nullable(Type.String()),
  messaging_profile_id: Nullable(Type.String()),
  messaging_profile_name: Nullable(Type.String()),
  tags: Type.Array(Type.String()),
});

/** The spec's `PhoneNumberWithVoiceSettings` (`/v2/phone_numbers/{id}/voice`). */
export const PhoneNumberVoiceSettings = Type.Object({
  id: Type.String(),
  record_type: Type.Literal('voice_settings'),
  phone_number: Type.String(),
  connection_id: Nullable(Type.String()),
  customer_reference: Nullable(Type.String()),
  ...Type.Omit(VoiceSettings, ['caller_id_name_enabled']).properties,
  emergency: Type.Object({
    emergency_enabled: Type.Boolean(),
    emergency_address_id: Type.Null(),
    emergency_status: Type.String(),
  }),
});

const Directions = Type.Object({
  domestic_two_way: Type.Boolean(),
  international_inbound: Type.Boolean(),
  international_outbound: Type.Boolean(),
});

/** The spec's `PhoneNumberWithMessagingSettings` (`/v2/phone_numbers/{id}/messaging`). */
export const PhoneNumberMessagingSettings = Type.Object({
  id: Type.String(),
  record_type: Type.Literal('messaging_settings'),
  phone_number: Type.String(),
  messaging_profile_id: Nullable(Type.String()),
  messaging_product: Type.String(),
  organization_id: Type.String(),
  country_code: Type.String(),
  type: OneOf(['toll-free', 'long-code']),
  traffic_type: Type.String(),
  eligible_messaging_products: Type.Array(Type.String()),
  features: Type.Object({ sms: Directions, mms: Directions }),
  tags: Type.Array(Type.String()),
  created_at: Type.String(),
  updated_at: Type.String(),
});

/** The `filter[...]` keys of number lists (a cheap subset of the spec's). */
export const NumberFilterQuery = {
  'filter[phone_number]': Type.Optional(Type.String()),
  'filter[connection_id]': Type.Optional(Type.String()),
  'filter[tag]': Type.Optional(Type.String()),
  'filter[customer_reference]': Type.Optional(Type.String()),
  'filter[country_iso_alpha2]': Type.Optional(Type.String()),
  'filter[status]': Type.Optional(Type.String()),
};

export const NumberListQuery = Type.Object({ ...PageQuery, ...NumberFilterQuery });

/** A reference to another resource: `""` or null clears it. */
const Reference = (description: string) => Type.Optional(Nullable(Type.String({ description })));

/** `PATCH /v2/phone_numbers/{id}` (`UpdatePhoneNumberRequest`). */
export const UpdatePhoneNumber = Type.Object(
  {
    connection_id: Reference('A call control or TeXML application; "" or null for none'),
    tags: Type.Optional(Type.Array(Type.String())),
    customer_reference: Type.Optional(Nullable(Type.String())),
    external_pin: Type.Optional(Nullable(Type.String())),
    billing_group_id: Type.Optional(Nullable(Type.String())),
    hd_voice_enabled: Type.Optional(Type.Boolean()),
  },
  { [LENIENT]: true },
);

/** `PATCH /v2/phone_numbers/{id}/messaging`: null keeps the current profile, `""` removes it. */
export const UpdateNumberMessaging = Type.Object(
  {
    messaging_profile_id: Reference('A messaging profile of the account; "" for none'),
    messaging_product: Type.Optional(Nullable(Type.String())),
    tags: Type.Optional(Type.Array(Type.String())),
  },
  { [LENIENT]: true },
);

/** Most numbers one job takes, as at Telnyx. */
export const MAX_JOB_NUMBERS = 1000;

// An empty list is "required" (10004), a rule of the routes, not a count (10033).
const NumberRefs = Type.Array(Text(), {
  maxItems: MAX_JOB_NUMBERS,
  'x-expected': `a list of 1 to ${MAX_JOB_NUMBERS} number ids or +E.164 numbers`,
  'x-count-detail': `'phone_numbers' takes 1 to {max} number ids or +E.164 numbers; this has {count}.`,
});

/** `POST /v2/phone_numbers/jobs/delete_phone_numbers` and `…/actions/verify_ownership`. */
export const NumberRefsBody = Type.Object({ phone_numbers: NumberRefs }, { [LENIENT]: true });

/** `POST /v2/phone_numbers/jobs/update_phone_numbers`: the number fields and voice settings. */
export const UpdateNumbersJob = Type.Object(
  {
    phone_numbers: NumberRefs,
    ...UpdatePhoneNumber.properties,
    voice: Type.Optional(VoiceSettingsPatch),
  },
  { [LENIENT]: true },
);

const JobError = Type.Object({ code: Type.String(), title: Type.String(), detail: Type.String() });

/** The spec's `PhoneNumbersJob`, as stored and answered. */
export const PhoneNumbersJob = Type.Object({
  id: Type.String(),
  record_type: Type.Literal('phone_numbers_job'),
  type: OneOf(['delete_phone_numbers', 'update_phone_numbers']),
  status: Type.String(),
  etc: Type.String(),
  phone_numbers: Type.Array(
    Type.Object({ id: Type.Optional(Type.String()), phone_number: Type.String() }),
  ),
  successful_operations: Type.Array(
    Type.Object({ id: Type.String(), phone_number: Type.String() }),
  ),
  pending_operations: Type.Array(AnyObject()),
  failed_operations: Type.Array(
    Type.Object({ phone_number: Type.String(), errors: Type.Array(JobError) }),
  ),
  created_at: Type.String(),
  updated_at: Type.String(),
});

export const decodeJob = decoderOf('phone_numbers_job', PhoneNumbersJob);

export const JobListQuery = Type.Object({
  ...PageQuery,
  'filter[type]': Type.Optional(Type.String()),
});

export const OwnershipResult = Type.Object({
  record_type: Type.Literal('phone_number_ownership'),
  found: Type.Array(Type.Object({ id: Type.String(), number_val_e164: Type.String() })),
  not_found: Type.Array(Type.String()),
});

/** A number's voicemail settings; the stored document is the reply. */
export const Voicemail = Type.Object({ enabled: Type.Boolean(), pin: Type.String() });
export const decodeVoicemail = decoderOf('voicemail', Voicemail);

/** `POST` / `PATCH /v2/phone_numbers/{id}/voicemail`. */
export const VoicemailBody = Type.Object(
  {
    enabled: Type.Optional(Type.Boolean()),
    pin: Type.Optional(Type.String({ pattern: '^\\d{4,10}$', 'x-expected': '4 to 10 digits' })),
  },
  { [LENIENT]: true },
);

export const VoicemailParams = Type.Object({ phone_number_id: Type.String() });

/** The spec's `CsvDownload`, and the stored download with its file. */
export const CsvDownload = Type.Object({
  id: Type.String(),
  record_type: Type.Literal('csv_download'),
  status: Type.String(),
  url: Type.String(),
});
export const StoredCsvDownload = Type.Object({ ...CsvDownload.properties, csv: Type.String() });
export const decodeCsvDownload = decoderOf('csv_download', StoredCsvDownload);

export { E164, IdParams, PageMeta };

export type StoredPhoneNumber = Static<typeof StoredPhoneNumber>;
export type PhoneNumberDetailed = Static<typeof PhoneNumberDetailed>;
export type PhoneNumberSlim = Static<typeof PhoneNumberSlim>;
export type PhoneNumberVoiceSettings = Static<typeof PhoneNumberVoiceSettings>;
export type PhoneNumberMessagingSettings = Static<typeof PhoneNumberMessagingSettings>;
export type PhoneNumbersJob = Static<typeof PhoneNumbersJob>;
export type NumberListQuery = Static<typeof NumberListQuery>;
export type UpdatePhoneNumber = Static<typeof UpdatePhoneNumber>;
export type UpdateNumberMessaging = Static<typeof UpdateNumberMessaging>;

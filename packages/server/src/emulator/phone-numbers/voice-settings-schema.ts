import { E164_PATTERN, LENIENT, Nullable, OneOf } from '@switchboard/core/contract';
import Type, { type Static } from 'typebox';

/** `forwards_to`: a +E.164 number, or `""` for none (10016 otherwise). */
const ForwardsTo = Type.String({
  pattern: `^(?:${E164_PATTERN.slice(1, -1)})?$`,
  'x-error-code': { code: '10016', title: 'Phone number must be in +E.164 format' },
  'x-expected': 'in +E.164 format (or "")',
});

const CallForwarding = Type.Object({
  call_forwarding_enabled: Type.Boolean(),
  forwarding_type: Nullable(OneOf(['always', 'on-failure'])),
  forwards_to: Nullable(ForwardsTo),
});

const CnamListing = Type.Object({
  cnam_listing_enabled: Type.Boolean(),
  cnam_listing_details: Nullable(Type.String()),
});

const MediaFeatures = Type.Object({
  accept_any_rtp_packets_enabled: Type.Boolean(),
  rtp_auto_adjust_enabled: Type.Boolean(),
  t38_fax_gateway_enabled: Type.Boolean(),
});

const CallRecording = Type.Object({
  inbound_call_recording_enabled: Type.Boolean(),
  inbound_call_recording_channels: OneOf(['single', 'dual']),
  inbound_call_recording_format: OneOf(['wav', 'mp3']),
});

const SCALARS = {
  tech_prefix_enabled: Type.Boolean(),
  translated_number: Type.String(),
  caller_id_name_enabled: Type.Boolean(),
  inbound_call_screening: OneOf(['disabled', 'reject_calls', 'flag_calls']),
  usage_payment_method: OneOf(['pay-per-minute', 'channel']),
};

/**
 * The writable voice settings of a number (`UpdatePhoneNumberVoiceSettingsRequest`), stored
 * with the number. The emulator keeps and shows them; its calls do not act on them.
 */
export const VoiceSettings = Type.Object({
  ...SCALARS,
  call_forwarding: CallForwarding,
  cnam_listing: CnamListing,
  media_features: MediaFeatures,
  call_recording: CallRecording,
});

/** A `PATCH /v2/phone_numbers/{id}/voice` body: any field, nested objects field by field. */
export const VoiceSettingsPatch = Type.Partial(
  Type.Object(
    {
      ...SCALARS,
      call_forwarding: Type.Partial(CallForwarding),
      cnam_listing: Type.Partial(CnamListing),
      media_features: Type.Partial(MediaFeatures),
      call_recording: Type.Partial(CallRecording),
    },
    { [LENIENT]: true },
  ),
);

export type VoiceSettings = Static<typeof VoiceSettings>;
export type VoiceSettingsPatch = Static<typeof VoiceSettingsPatch>;

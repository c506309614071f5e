import type { VoiceSettings, VoiceSettingsPatch } from './voice-settings-schema.js';

export type { VoiceSettings, VoiceSettingsPatch } from './voice-settings-schema.js';

/** The spec's defaults, as a new number has them. */
export const DEFAULT_VOICE_SETTINGS: VoiceSettings = {
  tech_prefix_enabled: false,
  translated_number: '',
  caller_id_name_enabled: false,
  inbound_call_screening: 'disabled',
  usage_payment_method: 'pay-per-minute',
  call_forwarding: { call_forwarding_enabled: true, forwarding_type: null, forwards_to: null },
  cnam_listing: { cnam_listing_enabled: false, cnam_listing_details: null },
  media_features: {
    accept_any_rtp_packets_enabled: false,
    rtp_auto_adjust_enabled: true,
    t38_fax_gateway_enabled: false,
  },
  call_recording: {
    inbound_call_recording_enabled: false,
    inbound_call_recording_channels: 'single',
    inbound_call_recording_format: 'wav',
  },
};

/** Stored settings merged over the defaults, so numbers stored before voice settings read fine. */
export function readVoiceSettings(stored: VoiceSettingsPatch | undefined): VoiceSettings {
  return patchVoiceSettings(DEFAULT_VOICE_SETTINGS, stored ?? {});
}

/**
 * Applies a `PATCH /v2/phone_numbers/{id}/voice` body (already checked by its declaration):
 * the fields given replace the current ones, nested objects field by field.
 */
export function patchVoiceSettings(
  current: VoiceSettings,
  patch: VoiceSettingsPatch,
): VoiceSettings {
  const { call_forwarding, cnam_listing, media_features, call_recording, ...scalars } = patch;
  return {
    ...current,
    ...scalars,
    call_forwarding: { ...current.call_forwarding, ...call_forwarding },
    cnam_listing: { ...current.cnam_listing, ...cnam_listing },
    media_features: { ...current.media_features, ...media_features },
    call_recording: { ...current.call_recording, ...call_recording },
  };
}

import { countryOf, isTollFree } from './e164.js';
import type {
  PhoneNumberDetailed,
  PhoneNumberMessagingSettings,
  PhoneNumberSlim,
  PhoneNumberVoiceSettings,
} from './phone-number-schemas.js';
import { DEFAULT_VOICE_SETTINGS, type VoiceSettings } from './voice-settings.js';

/** Resource kind under which numbers an account owns are stored. */
export const PHONE_NUMBER_KIND = 'phone_number';

/** A number an account owns, as stored (`data` of a `phone_number` resource). */
export type PhoneNumber = {
  readonly id: string;
  readonly phone_number: string;
  readonly connection_id: string | null;
  readonly messaging_profile_id: string | null;
  readonly messaging_product: string;
  readonly tags: string[];
  readonly customer_reference: string | null;
  readonly external_pin: string | null;
  readonly billing_group_id: string | null;
  readonly hd_voice_enabled: boolean;
  readonly voice: VoiceSettings;
  readonly created_at: string;
  readonly updated_at: string;
};

/** What `POST /switchboard/phone_numbers` adds. */
export interface NewPhoneNumber {
  readonly id: string;
  readonly phoneNumber: string;
  readonly connectionId: string | null;
  readonly messagingProfileId: string | null;
  readonly now: number;
  readonly customerReference?: string | null;
  readonly billingGroupId?: string | null;
}

/** Builds the stored record of a newly added number. */
export function newPhoneNumber(input: NewPhoneNumber): PhoneNumber {
  const at = new Date(input.now).toISOString();
  return {
    id: input.id,
    phone_number: input.phoneNumber,
    connection_id: input.connectionId,
    messaging_profile_id: input.messagingProfileId,
    messaging_product: 'P2P',
    tags: [],
    customer_reference: input.customerReference ?? null,
    external_pin: null,
    billing_group_id: input.billingGroupId ?? null,
    hd_voice_enabled: false,
    voice: DEFAULT_VOICE_SETTINGS,
    created_at: at,
    updated_at: at,
  };
}

/**
 * A Telnyx-style numeric id (`numbers_IntId`, e.g. `"1293384261075731499"`): 19 digits, the
 * first non-zero, drawn from the injected random source.
 */
export function numericId(random: () => number): string {
  let id = String(1 + Math.floor(random() * 9));
  while (id.length < 19) id += String(Math.floor(random() * 10));
  return id;
}

/** Names shown next to the ids they belong to. */
export interface LinkedNames {
  readonly connectionName: string | null;
  readonly messagingProfileName: string | null;
}

/** The `PhoneNumberDetailed` view of a number (`/v2/phone_numbers`). */
export function toDetailed(number: PhoneNumber, names: LinkedNames): PhoneNumberDetailed {
  return {
    source_type: 'number_order',
    deletion_lock_enabled: false,
    ...toSlim(number),
    connection_name: names.connectionName,
    messaging_profile_id: number.messaging_profile_id,
    messaging_profile_name: names.messagingProfileName,
    tags: [...number.tags],
  };
}

/** The `PhoneNumberSlim` view (`GET /v2/phone_numbers/slim`): no names, tags or profile. */
export function toSlim(number: PhoneNumber): PhoneNumberSlim {
  const { voice } = number;
  return {
    id: number.id,
    record_type: 'phone_number',
    phone_number: number.phone_number,
    status: 'active',
    phone_number_type: isTollFree(number.phone_number) ? 'toll_free' : 'local',
    country_iso_alpha2: countryOf(number.phone_number),
    connection_id: number.connection_id,
    customer_reference: number.customer_reference,
    external_pin: number.external_pin,
    billing_group_id: number.billing_group_id,
    hd_voice_enabled: number.hd_voice_enabled,
    // Emergency calling is not emulated: every number shows Telnyx's default.
    emergency_enabled: false,
    emergency_address_id: null,
    emergency_status: 'disabled',
    call_forwarding_enabled: voice.call_forwarding.call_forwarding_enabled,
    call_recording_enabled: voice.call_recording.inbound_call_recording_enabled,
    caller_id_name_enabled: voice.caller_id_name_enabled,
    cnam_listing_enabled: voice.cnam_listing.cnam_listing_enabled,
    t38_fax_gateway_enabled: voice.media_features.t38_fax_gateway_enabled,
    inbound_call_screening: voice.inbound_call_screening,
    purchased_at: number.created_at,
    activated_at: number.created_at,
    created_at: number.created_at,
    updated_at: number.updated_at,
  };
}

/** The `PhoneNumberWithVoiceSettings` view (`/v2/phone_numbers/{id}/voice`). */
export function toVoiceSettings(number: PhoneNumber): PhoneNumberVoiceSettings {
  // caller_id_name_enabled is written here but shown only in the number's detailed view.
  const voice = withoutCallerIdName(structuredClone(number.voice));
  return {
    id: number.id,
    record_type: 'voice_settings',
    phone_number: number.phone_number,
    connection_id: number.connection_id,
    customer_reference: number.customer_reference,
    ...voice,
    emergency: {
      emergency_enabled: false,
      emergency_address_id: null,
      emergency_status: 'disabled',
    },
  };
}

function withoutCallerIdName({ caller_id_name_enabled: _shownElsewhere, ...rest }: VoiceSettings) {
  return rest;
}

const ALL_DIRECTIONS = {
  domestic_two_way: true,
  international_inbound: true,
  international_outbound: true,
};

/** The `PhoneNumberWithMessagingSettings` view of a number (`/v2/phone_numbers/{id}/messaging`). */
export function toMessagingSettings(
  number: PhoneNumber,
  organizationId: string,
): PhoneNumberMessagingSettings {
  return {
    id: number.id,
    record_type: 'messaging_settings',
    phone_number: number.phone_number,
    messaging_profile_id: number.messaging_profile_id,
    messaging_product: number.messaging_product,
    organization_id: organizationId,
    country_code: countryOf(number.phone_number),
    type: isTollFree(number.phone_number) ? 'toll-free' : 'long-code',
    traffic_type: number.messaging_product,
    eligible_messaging_products: ['A2P', 'P2P'],
    features: { sms: { ...ALL_DIRECTIONS }, mms: { ...ALL_DIRECTIONS } },
    tags: [...number.tags],
    created_at: number.created_at,
    updated_at: number.updated_at,
  };
}

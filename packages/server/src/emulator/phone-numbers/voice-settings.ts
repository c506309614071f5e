import type { JsonObject } from '../../storage/store.js';
import { isE164 } from './e164.js';
import { fieldErrors, type FieldError } from './field-error.js';

/**
 * The writable voice settings of a number (`UpdatePhoneNumberVoiceSettingsRequest`), stored
 * with the number. The emulator keeps and shows them; its calls do not act on them.
 */
export interface VoiceSettings {
  readonly tech_prefix_enabled: boolean;
  readonly translated_number: string;
  readonly caller_id_name_enabled: boolean;
  readonly inbound_call_screening: 'disabled' | 'reject_calls' | 'flag_calls';
  readonly usage_payment_method: 'pay-per-minute' | 'channel';
  readonly call_forwarding: {
    readonly call_forwarding_enabled: boolean;
    readonly forwarding_type: 'always' | 'on-failure' | null;
    readonly forwards_to: string | null;
  };
  readonly cnam_listing: {
    readonly cnam_listing_enabled: boolean;
    readonly cnam_listing_details: string | null;
  };
  readonly media_features: {
    readonly accept_any_rtp_packets_enabled: boolean;
    readonly rtp_auto_adjust_enabled: boolean;
    readonly t38_fax_gateway_enabled: boolean;
  };
  readonly call_recording: {
    readonly inbound_call_recording_enabled: boolean;
    readonly inbound_call_recording_channels: 'single' | 'dual';
    readonly inbound_call_recording_format: 'wav' | 'mp3';
  };
}

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

/** A field's kind: a JSON type, a fixed set of strings, or +E.164 (empty allowed). */
type Kind = 'boolean' | 'string' | 'e164' | readonly string[];
type Shape = Readonly<Record<string, Kind | Readonly<Record<string, Kind>>>>;

const SHAPE: Shape = {
  tech_prefix_enabled: 'boolean',
  translated_number: 'string',
  caller_id_name_enabled: 'boolean',
  inbound_call_screening: ['disabled', 'reject_calls', 'flag_calls'],
  usage_payment_method: ['pay-per-minute', 'channel'],
  call_forwarding: {
    call_forwarding_enabled: 'boolean',
    forwarding_type: ['always', 'on-failure'],
    forwards_to: 'e164',
  },
  cnam_listing: { cnam_listing_enabled: 'boolean', cnam_listing_details: 'string' },
  media_features: {
    accept_any_rtp_packets_enabled: 'boolean',
    rtp_auto_adjust_enabled: 'boolean',
    t38_fax_gateway_enabled: 'boolean',
  },
  call_recording: {
    inbound_call_recording_enabled: 'boolean',
    inbound_call_recording_channels: ['single', 'dual'],
    inbound_call_recording_format: ['wav', 'mp3'],
  },
};

/** Stored settings merged over the defaults, so numbers stored before voice settings read fine. */
export function readVoiceSettings(stored: unknown): VoiceSettings {
  const data = isObject(stored) ? stored : {};
  return mergeShape(DEFAULT_VOICE_SETTINGS, data) as unknown as VoiceSettings;
}

/**
 * Applies a `PATCH /v2/phone_numbers/{id}/voice` body: known fields are checked and merged
 * (nested objects field by field), unknown ones ignored. Every problem is reported at once.
 */
export function patchVoiceSettings(
  current: VoiceSettings,
  body: Readonly<Record<string, unknown>>,
): VoiceSettings | FieldError[] {
  const errors = checkShape(SHAPE, body, '');
  if (errors.length > 0) return errors;
  return mergeShape(current, body) as unknown as VoiceSettings;
}

function checkShape(shape: Shape, body: Readonly<Record<string, unknown>>, at: string) {
  const errors: FieldError[] = [];
  for (const [key, kind] of Object.entries(shape)) {
    const value = body[key];
    const pointer = `${at}/${key}`;
    if (value === undefined) continue;
    if (isKind(kind)) {
      const error = checkValue(kind, value, pointer);
      if (error !== null) errors.push(error);
    } else if (isObject(value)) {
      errors.push(...checkShape(kind, value, pointer));
    } else {
      errors.push(fieldErrors.invalidValue(`'${key}' must be an object.`, pointer));
    }
  }
  return errors;
}

function checkValue(kind: Kind, value: unknown, pointer: string): FieldError | null {
  if (Array.isArray(kind)) {
    if (kind.includes(value)) return null;
    return fieldErrors.invalidEnum(`The value must be one of: ${kind.join(', ')}.`, pointer);
  }
  if (kind === 'boolean') {
    return typeof value === 'boolean'
      ? null
      : fieldErrors.invalidValue('Must be a boolean.', pointer);
  }
  if (typeof value !== 'string') return fieldErrors.invalidValue('Must be a string.', pointer);
  if (kind === 'e164' && value !== '' && !isE164(value)) {
    return fieldErrors.notE164('The number must be in +E.164 format.', pointer);
  }
  return null;
}

function isKind(kind: Shape[string]): kind is Kind {
  return typeof kind === 'string' || Array.isArray(kind);
}

function mergeShape(base: object, patch: Readonly<Record<string, unknown>>): JsonObject {
  const out: Record<string, unknown> = { ...base };
  for (const [key, current] of Object.entries(base)) {
    const value = patch[key];
    if (value === undefined) continue;
    out[key] = isObject(current) && isObject(value) ? mergeShape(current, value) : value;
  }
  return out as JsonObject;
}

function isObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

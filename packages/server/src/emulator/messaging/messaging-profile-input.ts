import {
  isFieldError,
  optionalBoolean,
  optionalEnum,
  optionalString,
  optionalStringList,
  optionalUrl,
  type Body,
} from '../phone-numbers/body-checks.js';
import { fieldErrors, type FieldError } from '../phone-numbers/field-error.js';
import { checkChaosMember } from '../../delivery/chaos/chaos-check.js';
import type { Json, JsonObject } from '../../storage/store.js';

/** The webhook formats a messaging profile may ask for. */
export const WEBHOOK_API_VERSIONS = ['1', '2', '2010-04-01'] as const;

type Check = (body: Body, key: string) => unknown;

const enumOf =
  (values: readonly string[]): Check =>
  (body, key) =>
    optionalEnum(body, key, values);

/** The writable fields of `MessagingProfile` and how each is checked. */
const FIELDS: Readonly<Record<string, Check>> = {
  name: optionalString,
  enabled: optionalBoolean,
  webhook_url: optionalUrl,
  webhook_failover_url: optionalUrl,
  webhook_api_version: enumOf(WEBHOOK_API_VERSIONS),
  whitelisted_destinations: checkDestinations,
  alpha_sender: checkAlphaSender,
  daily_spend_limit: checkSpendLimit,
  daily_spend_limit_enabled: optionalBoolean,
  mms_fall_back_to_sms: optionalBoolean,
  mms_transcoding: optionalBoolean,
  mobile_only: optionalBoolean,
  smart_encoding: optionalBoolean,
  redaction_enabled: optionalBoolean,
  health_webhook_url: optionalUrl,
  number_pool_settings: optionalObject,
  url_shortener_settings: optionalObject,
  ai_assistant_id: optionalString,
  resource_group_id: optionalString,
  v1_secret: optionalString,
  switchboard_chaos: checkChaos,
};

/**
 * Checks the writable fields present in a create or update body. Returns the accepted fields
 * (unknown keys dropped) or every problem found, each with a pointer.
 */
export function checkProfileFields(body: Body): JsonObject | FieldError[] {
  const accepted: JsonObject = {};
  const errors: FieldError[] = [];
  for (const [key, check] of Object.entries(FIELDS)) {
    if (!(key in body)) continue;
    const value = check(body, key);
    if (isFieldError(value)) errors.push(value);
    else accepted[key] = (value ?? null) as Json;
  }
  return errors.length > 0 ? errors : accepted;
}

/** Create also needs a non-blank `name`. */
export function checkNewProfile(body: Body): JsonObject | FieldError[] {
  const fields = checkProfileFields(body);
  const name = body['name'];
  if (typeof name === 'string' && name.trim() !== '') return fields;
  const missing = fieldErrors.missing(
    "The 'name' parameter is required and cannot be blank.",
    '/name',
  );
  return Array.isArray(fields)
    ? [missing, ...fields.filter((e) => e.pointer !== '/name')]
    : [missing];
}

function checkDestinations(body: Body, key: string): string[] | undefined | FieldError {
  const list = optionalStringList(body, key);
  if (list === undefined || isFieldError(list)) return list;
  const ok = (list.length === 1 && list[0] === '*') || list.every((c) => /^[A-Z]{2}$/.test(c));
  if (ok) return list;
  return fieldErrors.invalidValue(
    'Destinations must be ISO 3166-1 alpha-2 country codes, or ["*"] for all.',
    `/${key}`,
  );
}

function checkAlphaSender(body: Body, key: string): string | null | undefined | FieldError {
  const value = optionalString(body, key);
  if (typeof value !== 'string' || /^[A-Za-z0-9 ]{1,11}$/.test(value)) return value;
  return fieldErrors.invalidValue(
    'An alphanumeric sender ID has 1 to 11 letters, digits or spaces.',
    `/${key}`,
  );
}

function checkSpendLimit(body: Body, key: string): string | null | undefined | FieldError {
  const value = optionalString(body, key);
  if (typeof value !== 'string' || /^[0-9]+(?:\.[0-9]+)?$/.test(value)) return value;
  return fieldErrors.invalidValue(
    'The daily spend limit is a decimal amount, e.g. "100.00".',
    `/${key}`,
  );
}

/** Switchboard's fault injection for this profile's webhooks (docs/chaos.md). */
function checkChaos(body: Body, key: string): Json | FieldError {
  const checked = checkChaosMember(body, key);
  return 'value' in checked
    ? checked.value
    : fieldErrors.invalidValue(checked.detail, checked.pointer);
}

function optionalObject(body: Body, key: string): Json | undefined | FieldError {
  const value = body[key];
  if (value === undefined || value === null) return value;
  if (typeof value === 'object' && !Array.isArray(value)) return value as JsonObject;
  return fieldErrors.invalidValue(`The '${key}' parameter must be an object.`, `/${key}`);
}

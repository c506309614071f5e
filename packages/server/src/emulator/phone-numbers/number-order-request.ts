import type { Store } from '../../storage/store.js';
import { isE164 } from './e164.js';
import { isFieldError, optionalString, type Body } from './body-checks.js';
import { fieldErrors, type FieldError } from './field-error.js';
import type { NumberOrderRequest, RequirementAnswer } from './number-order.js';
import { checkConnection, checkProfileRef } from './phone-number-changes.js';
import { listNumbers } from './phone-number-store.js';

/** Telnyx's per-order limit would be larger; the emulator keeps orders small. */
const MAX_NUMBERS = 100;

/**
 * Checks a `POST /v2/number_orders` body: at least one +E.164 number, none twice and none
 * the account already has; a `connection_id` / `messaging_profile_id` must exist.
 */
export async function checkNumberOrder(
  store: Store,
  accountId: string,
  body: Body,
): Promise<NumberOrderRequest | FieldError[]> {
  const owned = new Set((await listNumbers(store, accountId)).map((n) => n.phone_number));
  const numbers = checkNumbers(body['phone_numbers'], owned);
  const fields = {
    connectionId: await checkConnection(store, accountId, body['connection_id']),
    messagingProfileId: await checkProfileRef(store, accountId, body['messaging_profile_id']),
    billingGroupId: optionalString(body, 'billing_group_id'),
    customerReference: optionalString(body, 'customer_reference'),
  };
  const errors = [...(Array.isArray(numbers) ? [] : numbers.errors), ...Object.values(fields)];
  const found = errors.filter(isFieldError);
  if (found.length > 0 || !Array.isArray(numbers)) return found;
  const text = (value: string | null | undefined | FieldError) =>
    typeof value === 'string' && value !== '' ? value : null;
  return {
    phoneNumbers: numbers,
    connectionId: text(fields.connectionId),
    messagingProfileId: text(fields.messagingProfileId),
    billingGroupId: text(fields.billingGroupId),
    customerReference: text(fields.customerReference),
  };
}

type Entry = NumberOrderRequest['phoneNumbers'][number];

function checkNumbers(
  value: unknown,
  owned: ReadonlySet<string>,
): Entry[] | { errors: FieldError[] } {
  if (!Array.isArray(value) || value.length === 0) {
    const missing = "The 'phone_numbers' parameter is required: a list of { phone_number }.";
    return { errors: [fieldErrors.missing(missing, '/phone_numbers')] };
  }
  if (value.length > MAX_NUMBERS) {
    const detail = `An order takes at most ${MAX_NUMBERS} numbers.`;
    return { errors: [fieldErrors.invalidValue(detail, '/phone_numbers')] };
  }
  const seen = new Set<string>();
  const entries: Entry[] = [];
  const errors: FieldError[] = [];
  value.forEach((item: unknown, i) => {
    const result = checkEntry(item, `/phone_numbers/${i}`, owned, seen);
    if (isFieldError(result)) errors.push(result);
    else entries.push(result);
  });
  return errors.length > 0 ? { errors } : entries;
}

function checkEntry(
  item: unknown,
  at: string,
  owned: ReadonlySet<string>,
  seen: Set<string>,
): Entry | FieldError {
  const entry = typeof item === 'object' && item !== null ? (item as Body) : {};
  const phoneNumber = entry['phone_number'];
  const pointer = `${at}/phone_number`;
  if (phoneNumber === undefined || phoneNumber === null || phoneNumber === '') {
    return fieldErrors.missing("Each entry needs a 'phone_number'.", pointer);
  }
  if (!isE164(phoneNumber)) {
    return fieldErrors.notE164('The phone number must be in +E.164 format.', pointer);
  }
  if (owned.has(phoneNumber) || seen.has(phoneNumber)) {
    const why = owned.has(phoneNumber) ? 'is already on this account' : 'is in the order twice';
    return fieldErrors.duplicate(`The number ${phoneNumber} ${why}.`, pointer);
  }
  seen.add(phoneNumber);
  const bundleId = entry['bundle_id'];
  return { phoneNumber, bundleId: typeof bundleId === 'string' ? bundleId : null };
}

/** Checks a `PATCH /v2/number_orders/{id}` body. */
export function checkOrderUpdate(
  body: Body,
): { customerReference?: string; requirements: RequirementAnswer[] } | FieldError[] {
  const reference = optionalString(body, 'customer_reference');
  const raw = body['regulatory_requirements'];
  const errors: FieldError[] = isFieldError(reference) ? [reference] : [];
  const requirements: RequirementAnswer[] = [];
  if (raw !== undefined && !Array.isArray(raw)) {
    errors.push(fieldErrors.invalidValue('Must be a list.', '/regulatory_requirements'));
  }
  (Array.isArray(raw) ? raw : []).forEach((item: unknown, i) => {
    const entry = typeof item === 'object' && item !== null ? (item as Body) : {};
    const id = entry['requirement_id'];
    const value = entry['field_value'];
    if (typeof id === 'string' && typeof value === 'string') {
      requirements.push({ requirementId: id, fieldValue: value });
    } else {
      const detail = "Each requirement needs string 'requirement_id' and 'field_value'.";
      errors.push(fieldErrors.invalidValue(detail, `/regulatory_requirements/${i}`));
    }
  });
  if (errors.length > 0) return errors;
  return typeof reference === 'string'
    ? { customerReference: reference, requirements }
    : { requirements };
}

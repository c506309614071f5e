import type { Store } from '../../storage/store.js';
import { getProfile } from '../messaging/messaging-profile.js';
import {
  isFieldError,
  optionalBoolean,
  optionalString,
  optionalStringList,
  type Body,
} from './body-checks.js';
import { fieldErrors, type FieldError } from './field-error.js';
import { applicationExists } from './linked-resources.js';
import type { PhoneNumber } from './phone-number.js';

type Changes = Partial<{ -readonly [K in keyof PhoneNumber]: PhoneNumber[K] }>;

/** Checks a reference: `""`/null clear it, anything else must name an existing resource. */
export async function checkReference(
  id: unknown,
  exists: (id: string) => Promise<boolean>,
  pointer: string,
): Promise<string | null | undefined | FieldError> {
  if (id === undefined) return undefined;
  if (id === null || id === '') return null;
  if (typeof id !== 'string')
    return fieldErrors.invalidValue(`${pointer.slice(1)} must be a string.`, pointer);
  if (await exists(id)) return id;
  return fieldErrors.noSuchAssociation(
    `The resource ${id} given as ${pointer.slice(1)} does not exist.`,
    pointer,
  );
}

/** `connection_id` checked against the account's call control applications. */
export function checkConnection(store: Store, accountId: string, id: unknown) {
  return checkReference(id, (app) => applicationExists(store, accountId, app), '/connection_id');
}

/** `messaging_profile_id` checked against the account's messaging profiles. */
export function checkProfileRef(store: Store, accountId: string, id: unknown) {
  const exists = async (profile: string) => (await getProfile(store, accountId, profile)) !== null;
  return checkReference(id, exists, '/messaging_profile_id');
}

/** The changes of `PATCH /v2/phone_numbers/{id}` (`UpdatePhoneNumberRequest`). */
export async function numberChanges(
  store: Store,
  accountId: string,
  body: Body,
): Promise<Changes | FieldError[]> {
  const fields = {
    connection_id: await checkConnection(store, accountId, body['connection_id']),
    tags: optionalStringList(body, 'tags'),
    customer_reference: optionalString(body, 'customer_reference'),
    external_pin: optionalString(body, 'external_pin'),
    billing_group_id: optionalString(body, 'billing_group_id'),
    hd_voice_enabled: optionalBoolean(body, 'hd_voice_enabled'),
  };
  return definedOrErrors(fields);
}

/** The changes of `PATCH /v2/phone_numbers/{id}/messaging`; null keeps the current profile. */
export async function messagingChanges(
  store: Store,
  accountId: string,
  body: Body,
): Promise<Changes | FieldError[]> {
  const profileId = body['messaging_profile_id'];
  const fields = {
    messaging_profile_id: await checkProfileRef(store, accountId, profileId ?? undefined),
    messaging_product: optionalString(body, 'messaging_product') ?? undefined,
    tags: optionalStringList(body, 'tags'),
  };
  return definedOrErrors(fields);
}

function definedOrErrors(fields: Readonly<Record<string, unknown>>): Changes | FieldError[] {
  const errors = Object.values(fields).filter(isFieldError);
  if (errors.length > 0) return errors;
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
}

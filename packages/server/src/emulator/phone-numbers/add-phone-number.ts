import type { EmulatorDeps } from '../emulator-deps.js';
import { isFieldError, requiredE164, type Body } from './body-checks.js';
import { fieldErrors, type FieldError } from './field-error.js';
import { checkConnection, checkProfileRef } from './phone-number-changes.js';
import { newPhoneNumber, numericId, type PhoneNumber } from './phone-number.js';
import { findNumber, saveNumber } from './phone-number-store.js';

/**
 * `POST /switchboard/phone_numbers`: gives the account a number, since numbers cannot be bought
 * here. The number is +E.164 and unique in the account; a referenced application or messaging
 * profile must exist.
 */
export async function addPhoneNumber(
  deps: EmulatorDeps,
  accountId: string,
  body: Body,
): Promise<PhoneNumber | FieldError[]> {
  const phoneNumber = await checkUnique(deps, accountId, requiredE164(body, 'phone_number'));
  const connectionId = await checkConnection(deps.store, accountId, body['connection_id']);
  const profileId = await checkProfileRef(deps.store, accountId, body['messaging_profile_id']);
  if (isFieldError(phoneNumber) || isFieldError(connectionId) || isFieldError(profileId)) {
    return [phoneNumber, connectionId, profileId].filter(isFieldError);
  }
  const number = newPhoneNumber({
    id: numericId(() => deps.random()),
    phoneNumber,
    connectionId: connectionId ?? null,
    messagingProfileId: profileId ?? null,
    now: deps.now(),
  });
  await saveNumber(deps.store, accountId, number);
  return number;
}

async function checkUnique(
  deps: EmulatorDeps,
  accountId: string,
  phoneNumber: string | FieldError,
): Promise<string | FieldError> {
  if (isFieldError(phoneNumber)) return phoneNumber;
  if ((await findNumber(deps.store, accountId, phoneNumber)) === null) return phoneNumber;
  return fieldErrors.duplicate(
    `The number ${phoneNumber} is already on this account.`,
    '/phone_number',
  );
}

import { isResourceConflict } from '../../storage/resource-conflict-error.js';
import type { EmulatorDeps } from '../emulator-deps.js';
import { isFieldError, requiredE164, type Body } from './body-checks.js';
import { fieldErrors, type FieldError } from './field-error.js';
import { checkConnection, checkProfileRef } from './phone-number-changes.js';
import { newPhoneNumber, numericId, type PhoneNumber } from './phone-number.js';
import { findNumber, saveNumber } from './phone-number-store.js';

/**
 * `POST /switchboard/phone_numbers`: gives the account a number, since numbers cannot be bought
 * here. The number is +E.164 and belongs to no account yet; a referenced application or
 * messaging profile must exist.
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
  return saveNew(deps, accountId, number);
}

/** The store keeps a number in one account; another account's (or a racing) copy is refused. */
async function saveNew(
  deps: EmulatorDeps,
  accountId: string,
  number: PhoneNumber,
): Promise<PhoneNumber | FieldError[]> {
  try {
    await saveNumber(deps.store, accountId, number);
    return number;
  } catch (error) {
    if (!isResourceConflict(error)) throw error;
    const mine = await checkUnique(deps, accountId, number.phone_number);
    const detail = `The number ${number.phone_number} belongs to another account.`;
    return [isFieldError(mine) ? mine : fieldErrors.duplicate(detail, '/phone_number')];
  }
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

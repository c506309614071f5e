import type { AddPhoneNumber } from '@switchboard/core/contract';
import { isResourceConflict } from '../../storage/resource-conflict-error.js';
import type { EmulatorDeps } from '../emulator-deps.js';
import { checkConnection, checkProfileRef, idOf, referenceIssues } from './phone-number-changes.js';
import { newPhoneNumber, numericId, type PhoneNumber } from './phone-number.js';
import { findNumber, saveNumber } from './phone-number-store.js';
import { duplicateIssue, refuseIssues } from './rule-issues.js';

/**
 * `POST /switchboard/phone_numbers`: gives the account a number, since numbers cannot be bought
 * here. The number (+E.164 by its declaration) belongs to no account yet; a referenced
 * application or messaging profile must exist. Throws the 422 of every rule broken.
 */
export async function addPhoneNumber(
  deps: EmulatorDeps,
  accountId: string,
  body: AddPhoneNumber,
): Promise<PhoneNumber> {
  const mine = (await findNumber(deps.store, accountId, body.phone_number)) !== null;
  const connection = await checkConnection(deps.store, accountId, body.connection_id ?? null);
  const profile = await checkProfileRef(deps.store, accountId, body.messaging_profile_id ?? null);
  refuseIssues([
    ...(mine ? [alreadyHere(body.phone_number)] : []),
    ...referenceIssues([connection, profile]),
  ]);
  const number = newPhoneNumber({
    id: numericId(() => deps.random()),
    phoneNumber: body.phone_number,
    connectionId: idOf(connection),
    messagingProfileId: idOf(profile),
    now: deps.now(),
  });
  return saveNew(deps, accountId, number);
}

/** The store keeps a number in one account; another account's (or a racing) copy is refused. */
async function saveNew(deps: EmulatorDeps, accountId: string, number: PhoneNumber) {
  try {
    await saveNumber(deps.store, accountId, number);
    return number;
  } catch (error) {
    if (!isResourceConflict(error)) throw error;
    const mine = (await findNumber(deps.store, accountId, number.phone_number)) !== null;
    const detail = `The number ${number.phone_number} belongs to another account.`;
    refuseIssues([
      mine ? alreadyHere(number.phone_number) : duplicateIssue('/phone_number', detail),
    ]);
    throw error;
  }
}

function alreadyHere(phoneNumber: string) {
  return duplicateIssue('/phone_number', `The number ${phoneNumber} is already on this account.`);
}

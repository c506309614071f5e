import type { JsonObject, Store } from '../../storage/store.js';
import { fieldErrors, type FieldError } from '../phone-numbers/field-error.js';
import { findNumber, listNumbers } from '../phone-numbers/phone-number-store.js';
import { getProfile } from './messaging-profile.js';
import type { SendMessageRequest } from './send-message-request.js';

/** The number a message goes out from and the profile whose settings apply. */
export interface Sender {
  readonly from: string;
  readonly profile: JsonObject;
}

/**
 * Finds the sender of a message. A `from` the account owns uses that number's profile (or
 * `messaging_profile_id` when the number has none); without `from`, the profile's first number
 * sends, as a number pool of one. A `from` the account does not own gets Telnyx's 40305.
 */
export async function resolveSender(
  store: Store,
  accountId: string,
  request: SendMessageRequest,
): Promise<Sender | FieldError> {
  if (request.from === null) return poolSender(store, accountId, request.messagingProfileId);
  const number = await findNumber(store, accountId, request.from);
  if (number === null) {
    return fieldErrors.invalidFrom(
      `The 'from' address ${request.from} is not a number on this account. Add it with POST /switchboard/phone_numbers.`,
      '/from',
    );
  }
  const profileId = number.messaging_profile_id ?? request.messagingProfileId;
  if (profileId === null) {
    return fieldErrors.invalidFrom(
      `The 'from' number ${request.from} is not assigned to a messaging profile.`,
      '/from',
    );
  }
  return withProfile(store, accountId, request.from, profileId);
}

async function poolSender(
  store: Store,
  accountId: string,
  profileId: string | null,
): Promise<Sender | FieldError> {
  if (profileId === null) {
    return fieldErrors.missing("The 'from' parameter is required and cannot be blank.", '/from');
  }
  const numbers = await listNumbers(store, accountId);
  const first = numbers.find((number) => number.messaging_profile_id === profileId);
  if (first !== undefined) return withProfile(store, accountId, first.phone_number, profileId);
  return fieldErrors.invalidFrom(
    'The messaging profile has no numbers to send from.',
    '/messaging_profile_id',
  );
}

async function withProfile(
  store: Store,
  accountId: string,
  from: string,
  profileId: string,
): Promise<Sender | FieldError> {
  const profile = await getProfile(store, accountId, profileId);
  if (profile !== null) return { from, profile };
  return fieldErrors.noSuchAssociation(
    `The messaging profile ${profileId} does not exist.`,
    '/messaging_profile_id',
  );
}

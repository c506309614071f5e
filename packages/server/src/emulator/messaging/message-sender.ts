import type { Store } from '../../storage/store.js';
import { isE164, isTollFree } from '../phone-numbers/e164.js';
import { fieldErrors, type FieldError } from '../phone-numbers/field-error.js';
import { findNumber, listNumbers } from '../phone-numbers/phone-number-store.js';
import { getProfile, type MessagingProfile } from './messaging-profile.js';
import type { SendMessageRequest } from './send-message-request.js';
import { findShortCode, isShortCode } from './short-codes.js';

/** The address a message goes out from and the profile whose settings apply. */
export interface Sender {
  readonly from: string;
  readonly profile: MessagingProfile;
}

/**
 * Finds the sender of a message by its route. `/v2/messages` and `/schedule` take a number,
 * a short code or an alphanumeric sender ID in `from`, or the profile's number pool without
 * it; the other routes take only their own kind of sender.
 */
export async function resolveSender(
  store: Store,
  accountId: string,
  request: SendMessageRequest,
): Promise<Sender | FieldError> {
  const { from } = request;
  switch (request.route) {
    case 'number_pool':
      return poolSender(store, accountId, request);
    case 'long_code':
      return longCodeSender(store, accountId, request, from ?? '');
    case 'short_code':
      return shortCodeSender(store, accountId, from ?? '');
    case 'alphanumeric_sender_id':
      return alphanumericSender(store, accountId, request, from ?? '');
    case 'messages':
    case 'schedule':
      if (from === null) return poolSender(store, accountId, request);
      if (isE164(from)) return numberSender(store, accountId, request, from);
      if (isShortCode(from)) return shortCodeSender(store, accountId, from);
      return alphanumericSender(store, accountId, request, from);
  }
}

/** A `from` the account owns uses that number's profile, or `messaging_profile_id` without one. */
async function numberSender(
  store: Store,
  accountId: string,
  request: SendMessageRequest,
  from: string,
): Promise<Sender | FieldError> {
  const number = await findNumber(store, accountId, from);
  if (number === null) {
    return invalidFrom(
      `The 'from' address ${from} is not a number on this account. Add it with POST /switchboard/phone_numbers.`,
    );
  }
  const profileId = number.messaging_profile_id ?? request.messagingProfileId;
  if (profileId === null) {
    return invalidFrom(`The 'from' number ${from} is not assigned to a messaging profile.`);
  }
  return withProfile(store, accountId, from, profileId);
}

async function longCodeSender(
  store: Store,
  accountId: string,
  request: SendMessageRequest,
  from: string,
): Promise<Sender | FieldError> {
  if (!isE164(from) || isTollFree(from)) {
    return invalidFrom(`The 'from' address ${from} is not a long code (a +E.164 local number).`);
  }
  return numberSender(store, accountId, request, from);
}

async function shortCodeSender(
  store: Store,
  accountId: string,
  from: string,
): Promise<Sender | FieldError> {
  const code = await findShortCode(store, accountId, from);
  const profileId = code?.['messaging_profile_id'];
  if (code === null || typeof profileId !== 'string') {
    return invalidFrom(
      `The 'from' address ${from} is not a short code on this account. Add it with POST /switchboard/short_codes.`,
    );
  }
  return withProfile(store, accountId, from, profileId);
}

/** An alphanumeric sender ID is the `alpha_sender` of the profile named in the request. */
async function alphanumericSender(
  store: Store,
  accountId: string,
  request: SendMessageRequest,
  from: string,
): Promise<Sender | FieldError> {
  if (request.messagingProfileId === null) {
    return fieldErrors.missing(
      "'messaging_profile_id' is required to send from an alphanumeric sender ID.",
      '/messaging_profile_id',
    );
  }
  const sender = await withProfile(store, accountId, from, request.messagingProfileId);
  if ('code' in sender || sender.profile.alpha_sender === from) return sender;
  return invalidFrom(
    `The 'from' address ${from} is not the alpha_sender of messaging profile ${request.messagingProfileId}.`,
  );
}

/**
 * The profile's numbers act as a pool. The same recipient always gets the same number of the
 * pool (Telnyx's "sticky sender"), chosen by a hash of `to`.
 */
async function poolSender(
  store: Store,
  accountId: string,
  request: SendMessageRequest,
): Promise<Sender | FieldError> {
  const profileId = request.messagingProfileId;
  if (profileId === null) {
    return fieldErrors.missing("The 'from' parameter is required and cannot be blank.", '/from');
  }
  const numbers = await listNumbers(store, accountId);
  const pool = numbers.filter((number) => number.messaging_profile_id === profileId);
  const chosen = pool[stickyIndex(request.to, pool.length)];
  if (chosen !== undefined) return withProfile(store, accountId, chosen.phone_number, profileId);
  return invalidFrom('The messaging profile has no numbers to send from.', '/messaging_profile_id');
}

function stickyIndex(to: string, size: number): number {
  let hash = 0x811c9dc5;
  for (const char of to) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
  return size === 0 ? 0 : hash % size;
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

function invalidFrom(detail: string, pointer = '/from'): FieldError {
  return fieldErrors.invalidFrom(detail, pointer);
}

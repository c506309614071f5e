import type { Store } from '../../storage/store.js';
import { isE164, isTollFree } from '../phone-numbers/e164.js';
import { ValidationError, type ApiError } from '../../support/errors/api-error.js';
import { noSuchAssociationIssue, refusal, requiredIssue } from '../phone-numbers/rule-issues.js';
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
 * Finds the sender of a message by its route, or throws Telnyx's refusal (40305 for a `from`
 * the account cannot send from). `/v2/messages` and `/schedule` take a number,
 * a short code or an alphanumeric sender ID in `from`, or the profile's number pool without
 * it; the other routes take only their own kind of sender.
 */
export async function resolveSender(
  store: Store,
  accountId: string,
  request: SendMessageRequest,
): Promise<Sender> {
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
): Promise<Sender> {
  const number = await findNumber(store, accountId, from);
  if (number === null) {
    throw invalidFrom(
      `The 'from' address ${from} is not a number on this account. Add it with POST /switchboard/phone_numbers.`,
    );
  }
  const profileId = number.messaging_profile_id ?? request.messagingProfileId;
  if (profileId === null) {
    throw invalidFrom(`The 'from' number ${from} is not assigned to a messaging profile.`);
  }
  return withProfile(store, accountId, from, profileId);
}

async function longCodeSender(
  store: Store,
  accountId: string,
  request: SendMessageRequest,
  from: string,
): Promise<Sender> {
  if (!isE164(from) || isTollFree(from)) {
    throw invalidFrom(`The 'from' address ${from} is not a long code (a +E.164 local number).`);
  }
  return numberSender(store, accountId, request, from);
}

async function shortCodeSender(store: Store, accountId: string, from: string): Promise<Sender> {
  const code = await findShortCode(store, accountId, from);
  const profileId = code?.['messaging_profile_id'];
  if (code === null || typeof profileId !== 'string') {
    throw invalidFrom(
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
): Promise<Sender> {
  if (request.messagingProfileId === null) {
    const detail = "'messaging_profile_id' is required to send from an alphanumeric sender ID.";
    throw new ValidationError([requiredIssue('/messaging_profile_id', detail)]);
  }
  const sender = await withProfile(store, accountId, from, request.messagingProfileId);
  if (sender.profile.alpha_sender === from) return sender;
  throw invalidFrom(
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
): Promise<Sender> {
  const profileId = request.messagingProfileId;
  if (profileId === null) {
    const detail = "The 'from' parameter is required and cannot be blank.";
    throw new ValidationError([requiredIssue('/from', detail)]);
  }
  const numbers = await listNumbers(store, accountId);
  const pool = numbers.filter((number) => number.messaging_profile_id === profileId);
  const chosen = pool[stickyIndex(request.to, pool.length)];
  if (chosen !== undefined) return withProfile(store, accountId, chosen.phone_number, profileId);
  throw invalidFrom('The messaging profile has no numbers to send from.', '/messaging_profile_id');
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
): Promise<Sender> {
  const profile = await getProfile(store, accountId, profileId);
  if (profile !== null) return { from, profile };
  const detail = `The messaging profile ${profileId} does not exist.`;
  throw new ValidationError([noSuchAssociationIssue('/messaging_profile_id', detail)]);
}

/** 400 / 40305: the account cannot send from this address. */
function invalidFrom(detail: string, pointer = '/from'): ApiError {
  return refusal(400, { code: '40305', title: "Invalid 'from' address", detail, pointer });
}

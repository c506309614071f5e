import type { JsonObject, Store } from '../../storage/store.js';
import type { EmulatorDeps } from '../emulator-deps.js';
import { countryOf, isE164 } from '../phone-numbers/e164.js';
import { profileConfigs } from './autoresp-config-store.js';
import { matchAutoresp } from './autoresp-config.js';
import type { LifecycleContext } from './outbound-lifecycle.js';
import { toSendRequest } from './send-message-request.js';
import { sendMessage } from './send-message.js';
import type { SimulateInboundMessage } from '@switchboard/core/contract';
import { ApiError, ValidationError } from '../../support/errors/api-error.js';
import type { Issue } from '../../http/validation/issues.js';
import { noSuchAssociationIssue, requiredIssue } from '../phone-numbers/rule-issues.js';
import { findNumber } from '../phone-numbers/phone-number-store.js';
import { newInboundMessage } from './inbound-message.js';
import { saveMessage } from './message-store.js';
import { getProfile, profileRouting, type ProfileRouting } from './messaging-profile.js';
import { randomUuid } from './random-uuid.js';

/** A `POST /switchboard/simulate/messages` body its declaration and rules accepted. */
interface SimulatedInbound {
  readonly to: string;
  readonly from: string;
  readonly text: string;
  readonly mediaUrls: readonly string[];
  readonly messagingProfileId: string | null;
}

function inboundOf(body: SimulateInboundMessage): SimulatedInbound {
  const text = body.text ?? '';
  const mediaUrls = body.media_urls ?? [];
  if (text === '' && mediaUrls.length === 0) {
    throw new ValidationError([requiredIssue('/text', "Give 'text', 'media_urls' or both.")]);
  }
  const messagingProfileId = body.messaging_profile_id || null;
  return { to: body.to, from: body.from, text, mediaUrls, messagingProfileId };
}

/** The profile that receives a message to `to`: the given one, else the number's. */
async function receivingProfile(
  store: Store,
  accountId: string,
  inbound: SimulatedInbound,
): Promise<ProfileRouting> {
  const number =
    inbound.messagingProfileId === null ? await findNumber(store, accountId, inbound.to) : null;
  const profileId = inbound.messagingProfileId ?? number?.messaging_profile_id ?? null;
  if (profileId === null) throw new ValidationError([unroutable(inbound.to, number === null)]);
  const profile = await getProfile(store, accountId, profileId);
  if (profile !== null) return profileRouting(profile);
  const detail = `The messaging profile ${profileId} does not exist.`;
  throw new ValidationError([noSuchAssociationIssue('/messaging_profile_id', detail)]);
}

function unroutable(to: string, unknownNumber: boolean): Issue {
  const why = unknownNumber
    ? `${to} is not a number on this account: add it with POST /switchboard/phone_numbers`
    : `${to} is not assigned to a messaging profile: assign one with PATCH /v2/phone_numbers/{id}/messaging`;
  const detail = `Cannot deliver an inbound message: ${why}, or pass messaging_profile_id.`;
  return noSuchAssociationIssue('/to', detail);
}

/**
 * Simulates a message from the far end: stores it and sends `message.received` to the
 * messaging profile that owns `to` (or the one given). Returns the inbound payload.
 */
export async function receiveMessage(
  ctx: LifecycleContext,
  accountId: string,
  body: SimulateInboundMessage,
): Promise<JsonObject> {
  const { deps } = ctx;
  const inbound = inboundOf(body);
  const profile = await receivingProfile(deps.store, accountId, inbound);
  const now = deps.now();
  const message = newInboundMessage({
    ...inbound,
    id: randomUuid(() => deps.random()),
    organizationId: accountId,
    profile,
    now,
  });
  await saveMessage(deps.store, accountId, message, now);
  await emitReceived(deps, accountId, message, profile, now);
  await autoRespond(ctx, accountId, inbound, profile.id);
  return message;
}

/**
 * A text that is one of the profile's auto-response keywords (for the sender's country) gets
 * the config's `resp_text` back from the number it was sent to, as an ordinary outbound
 * message with its own webhooks. A number the account does not own cannot answer.
 */
async function autoRespond(
  ctx: LifecycleContext,
  accountId: string,
  inbound: SimulatedInbound,
  profileId: string,
): Promise<void> {
  const configs = await profileConfigs(ctx.deps.store, accountId, profileId);
  const config = matchAutoresp(configs, inbound.text, countryOf(inbound.from));
  const text = config?.resp_text ?? '';
  if (text === '' || !isE164(inbound.from)) return;
  try {
    await sendMessage(ctx, accountId, toSendRequest({ from: inbound.to, to: inbound.from, text }));
  } catch (error) {
    // A reply the account cannot send (e.g. from a number without a profile) is not sent.
    if (!(error instanceof ApiError)) throw error;
  }
}

async function emitReceived(
  deps: EmulatorDeps,
  accountId: string,
  message: JsonObject,
  profile: ProfileRouting,
  now: number,
): Promise<void> {
  if (profile.webhookUrl === null && profile.webhookFailoverUrl === null) return;
  await deps.emit({
    accountId,
    eventType: 'message.received',
    payload: message,
    occurredAt: now,
    messagingProfileId: profile.id,
    webhookUrl: profile.webhookUrl ?? profile.webhookFailoverUrl ?? '',
    failoverUrl: profile.webhookUrl === null ? null : profile.webhookFailoverUrl,
  });
}

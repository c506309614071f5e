import type { JsonObject } from '../../storage/store.js';
import { refuseIssues, ruleIssue } from '../phone-numbers/rule-issues.js';
import { encodeText } from './message-encoding.js';
import { resolveSender, type Sender } from './message-sender.js';
import { saveMessage } from './message-store.js';
import { messageOutcome } from './message-test-numbers.js';
import { messageWebhookTarget } from './message-webhook-target.js';
import { profileRouting } from './messaging-profile.js';
import { newOutboundMessage } from './outbound-message.js';
import { runOutbound, type LifecycleContext } from './outbound-lifecycle.js';
import { runScheduled } from './scheduled-message.js';
import { stringField } from '../phone-numbers/json-fields.js';
import { isUuid, randomUuid } from './random-uuid.js';
import type { SendMessageRequest } from './send-message-request.js';

/** The spec caps a message at 10 segments. */
const MAX_PARTS = 10;

/**
 * Accepts an outbound message: finds its sender, stores it as `queued` and starts its
 * lifecycle. Returns the `OutboundMessagePayload`, or throws the error Telnyx would give.
 */
export async function sendMessage(
  ctx: LifecycleContext,
  accountId: string,
  request: SendMessageRequest,
): Promise<JsonObject> {
  const sender = await resolveSender(ctx.deps.store, accountId, request);
  refuseBadContent(request, ctx.deps.now());
  return acceptMessage(ctx, accountId, request, sender);
}

/** What a found sender still needs checked: the segment limit and a future `send_at`. */
export function refuseBadContent(request: SendMessageRequest, now: number): void {
  if (request.type === 'SMS' && encodeText(request.text, request.encoding).parts > MAX_PARTS) {
    refuseIssues([ruleIssue('/text', `The text takes more than ${MAX_PARTS} SMS segments.`)]);
  }
  if (request.sendAt !== null && request.sendAt <= now) {
    refuseIssues([ruleIssue('/send_at', "'send_at' must be in the future.")]);
  }
}

/**
 * Stores the message and starts its lifecycle now, or at `send_at` when scheduled. `cc` lists
 * a group MMS's other recipients.
 */
export async function acceptMessage(
  ctx: LifecycleContext,
  accountId: string,
  request: SendMessageRequest,
  sender: Sender,
  cc: readonly string[] = [],
): Promise<JsonObject> {
  const now = ctx.deps.now();
  const outcome = messageOutcome(request.to);
  const profile = profileRouting(sender.profile);
  const message = newOutboundMessage({
    id: randomUuid(() => ctx.deps.random()),
    organizationId: isUuid(accountId) ? accountId : null,
    messagingProfileId: profile.id,
    from: sender.from,
    request,
    toLineType: outcome.lineType,
    now,
    cc,
  });
  await saveMessage(ctx.deps.store, accountId, message, now);
  const target = messageWebhookTarget(request, profile);
  const run = { accountId, messagingProfileId: profile.id, target, outcome, acceptedAt: now };
  if (request.sendAt === null) runOutbound(ctx, run, message);
  else runScheduled(ctx, run, stringField(message, 'id'), request.sendAt);
  return message;
}

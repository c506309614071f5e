import type { JsonObject } from '../../storage/store.js';
import { fieldErrors, type FieldError } from '../phone-numbers/field-error.js';
import { isFieldError } from '../phone-numbers/body-checks.js';
import { encodeText } from './message-encoding.js';
import { resolveSender, type Sender } from './message-sender.js';
import { saveMessage } from './message-store.js';
import { messageOutcome } from './message-test-numbers.js';
import { messageWebhookTarget } from './message-webhook-target.js';
import { profileRouting } from './messaging-profile.js';
import { newOutboundMessage } from './outbound-message.js';
import { runOutbound, type LifecycleContext } from './outbound-lifecycle.js';
import { isUuid, randomUuid } from './random-uuid.js';
import type { SendMessageRequest } from './send-message-request.js';

/** The spec caps a message at 10 segments. */
const MAX_PARTS = 10;

/**
 * Accepts an outbound message: finds its sender, stores it as `queued` and starts its
 * lifecycle. Returns the `OutboundMessagePayload` or the error Telnyx would give.
 */
export async function sendMessage(
  ctx: LifecycleContext,
  accountId: string,
  request: SendMessageRequest,
): Promise<JsonObject | FieldError> {
  const sender = await resolveSender(ctx.deps.store, accountId, request);
  if (isFieldError(sender)) return sender;
  if (request.type === 'SMS' && encodeText(request.text, request.encoding).parts > MAX_PARTS) {
    return fieldErrors.invalidValue(`The text takes more than ${MAX_PARTS} SMS segments.`, '/text');
  }
  return accept(ctx, accountId, request, sender);
}

async function accept(
  ctx: LifecycleContext,
  accountId: string,
  request: SendMessageRequest,
  sender: Sender,
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
  });
  await saveMessage(ctx.deps.store, accountId, message, now);
  const target = messageWebhookTarget(request, profile);
  runOutbound(
    ctx,
    { accountId, messagingProfileId: profile.id, target, outcome, acceptedAt: now },
    message,
  );
  return message;
}

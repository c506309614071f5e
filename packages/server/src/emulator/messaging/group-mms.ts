import type { JsonObject } from '../../storage/store.js';
import { ValidationError } from '../../support/errors/api-error.js';
import { isE164 } from '../phone-numbers/e164.js';
import { requiredIssue, ruleIssue } from '../phone-numbers/rule-issues.js';
import { stringField } from '../phone-numbers/json-fields.js';
import { decodeMessageGroup } from './messaging-schemas.js';
import { getMessage } from './message-store.js';
import { resolveSender } from './message-sender.js';
import type { LifecycleContext } from './outbound-lifecycle.js';
import type { SendGroupMmsBody } from './messaging-schemas.js';
import { toSendRequest, type SendMessageRequest } from './send-message-request.js';
import { acceptMessage, refuseBadContent } from './send-message.js';

/** Resource kind of a group MMS: its id and the ids of its per-recipient messages. */
export const MESSAGE_GROUP_KIND = 'message_group';
/** Spec: "No more than 8 destinations are allowed." */
const MAX_RECIPIENTS = 8;

/**
 * `POST /v2/messages/group_mms`: one MMS per recipient, each listing the others in `cc` and
 * running its own lifecycle (and webhooks). The group's id is its first message's id; the
 * reply is that message.
 */
export async function sendGroupMms(
  ctx: LifecycleContext,
  accountId: string,
  body: SendGroupMmsBody,
): Promise<JsonObject> {
  const recipients = checkRecipients(body.to);
  const first = toSendRequest({ ...body, to: recipients[0], type: 'MMS' }, 'messages');
  if (first.from === null || !isE164(first.from)) {
    const detail = "'from' must be a +E.164 number of this account.";
    throw new ValidationError([requiredIssue('/from', detail)]);
  }
  const sender = await resolveSender(ctx.deps.store, accountId, first);
  refuseBadContent(first, ctx.deps.now());
  const messages: JsonObject[] = [];
  for (const to of recipients) {
    const request: SendMessageRequest = { ...first, to };
    const others = recipients.filter((number) => number !== to);
    messages.push(await acceptMessage(ctx, accountId, request, sender, others));
  }
  await saveGroup(ctx, accountId, messages);
  return messages[0] ?? {};
}

/** `GET /v2/messages/group/{id}`: the group's messages as they are now, or null. */
export async function groupMessages(
  ctx: LifecycleContext,
  accountId: string,
  groupId: string,
): Promise<JsonObject[] | null> {
  const row = await ctx.deps.store.getResource(accountId, MESSAGE_GROUP_KIND, groupId);
  if (row === null) return null;
  const ids = decodeMessageGroup(row.data).message_ids;
  const messages = await Promise.all(ids.map((id) => getMessage(ctx.deps.store, accountId, id)));
  return messages.filter((message) => message !== null);
}

/** The rules on recipients beyond their declaration (each +E.164): 1 to 8, none twice. */
function checkRecipients(to: readonly string[]): [string, ...string[]] {
  const [first, ...rest] = to;
  if (first === undefined) {
    throw new ValidationError([requiredIssue('/to', "'to' must be a list of +E.164 numbers.")]);
  }
  if (to.length > MAX_RECIPIENTS) {
    const detail = `No more than ${MAX_RECIPIENTS} destinations are allowed.`;
    throw new ValidationError([ruleIssue('/to', detail)]);
  }
  if (new Set(to).size !== to.length) {
    throw new ValidationError([ruleIssue('/to', 'A destination is listed twice.')]);
  }
  return [first, ...rest];
}

async function saveGroup(ctx: LifecycleContext, accountId: string, messages: JsonObject[]) {
  const [first] = messages;
  if (first === undefined) return;
  const now = ctx.deps.now();
  const id = stringField(first, 'id');
  await ctx.deps.store.putResource({
    accountId,
    kind: MESSAGE_GROUP_KIND,
    id,
    data: { id, message_ids: messages.map((message) => stringField(message, 'id')) },
    createdAt: now,
    updatedAt: now,
  });
}

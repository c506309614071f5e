import type { JsonObject } from '../../storage/store.js';
import { refuseIssues, ruleIssue } from '../phone-numbers/rule-issues.js';
import { stringField } from '../phone-numbers/json-fields.js';
import { getMessage, saveMessage } from './message-store.js';
import { runOutbound, type LifecycleContext, type OutboundRun } from './outbound-lifecycle.js';
import { markQueued, statusOf, withStatus } from './outbound-message.js';

/** Telnyx refuses to cancel a message due within this time (spec `CancelMessage`). */
const CANCEL_CUTOFF_MS = 60_000;

/**
 * At `sendAt`, a scheduled message that was not cancelled is queued and runs the usual
 * lifecycle from then on. The timer is in memory: a restart forgets pending sends.
 */
export function runScheduled(
  ctx: LifecycleContext,
  run: OutboundRun,
  messageId: string,
  sendAt: number,
): void {
  ctx.queue.schedule(sendAt, async () => {
    const stored = await getMessage(ctx.deps.store, run.accountId, messageId);
    if (stored === null || statusOf(stored) !== 'scheduled') return;
    const now = ctx.deps.now();
    const queued = markQueued(stored, now);
    await saveMessage(ctx.deps.store, run.accountId, queued, now);
    runOutbound(ctx, { ...run, acceptedAt: now }, queued);
  });
}

/**
 * `DELETE /v2/messages/{id}`: a scheduled message due more than a minute from now becomes
 * `cancelled` and is never sent. Anything else cannot be cancelled.
 */
export async function cancelMessage(
  ctx: LifecycleContext,
  message: JsonObject,
  accountId: string,
): Promise<JsonObject> {
  const now = ctx.deps.now();
  if (statusOf(message) !== 'scheduled') {
    const detail = `Only scheduled messages can be cancelled; this one is ${statusOf(message) ?? 'unknown'}.`;
    refuseIssues([ruleIssue('/id', detail)]);
  }
  if (Date.parse(stringField(message, 'send_at')) - now <= CANCEL_CUTOFF_MS) {
    const detail = 'The message is due within a minute and can no longer be cancelled.';
    refuseIssues([ruleIssue('/id', detail)]);
  }
  // As the spec's example shows it: the recipient cancelled, nothing completed.
  const cancelled = withStatus(message, 'cancelled');
  await saveMessage(ctx.deps.store, accountId, cancelled, now);
  return cancelled;
}

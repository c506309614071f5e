import type { JsonObject } from '../../storage/store.js';
import type { EmulatorDeps } from '../emulator-deps.js';
import type { WebhookTarget } from './message-webhook-target.js';
import { saveMessage } from './message-store.js';
import type { MessageOutcome } from './message-test-numbers.js';
import { markFinal, markSent, withStatus } from './outbound-message.js';
import type { TimerQueue } from './timer-queue.js';

/** When each step happens, in ms after the message was accepted. */
export interface MessageTiming {
  readonly sendingMs: number;
  readonly sentMs: number;
  readonly finalMs: number;
}

/** Defaults: on its way at once, with the carrier after 0.3 s, final after 1.5 s. */
export const DEFAULT_MESSAGE_TIMING: MessageTiming = { sendingMs: 100, sentMs: 300, finalMs: 1500 };

/** One accepted outbound message and everything its steps need. */
export interface OutboundRun {
  readonly accountId: string;
  readonly messagingProfileId: string;
  readonly target: WebhookTarget | null;
  readonly outcome: MessageOutcome;
  readonly acceptedAt: number;
}

/** What the lifecycle runs on. */
export interface LifecycleContext {
  readonly deps: EmulatorDeps;
  readonly queue: TimerQueue;
  readonly timing: MessageTiming;
}

/**
 * Steps an accepted message through queued → sending → sent → final status on the timer
 * queue, storing each status and emitting `message.sent`, then `message.delivered` or
 * `message.failed` (seed 003), then `message.finalized` (the spec's terminal event).
 */
export function runOutbound(ctx: LifecycleContext, run: OutboundRun, queued: JsonObject): void {
  let message = queued;
  const at = (offset: number, step: () => Promise<void>): void => {
    ctx.queue.schedule(run.acceptedAt + offset, step);
  };
  at(ctx.timing.sendingMs, async () => {
    message = withStatus(message, 'sending');
    await saveMessage(ctx.deps.store, run.accountId, message, ctx.deps.now());
  });
  at(ctx.timing.sentMs, async () => {
    if (run.outcome.status === 'sending_failed') {
      message = await finish(ctx, run, message);
      return;
    }
    message = markSent(message, ctx.deps.now());
    await publish(ctx, run, message, ['message.sent']);
    at(ctx.timing.finalMs, async () => {
      message = await finish(ctx, run, message);
    });
  });
}

async function finish(
  ctx: LifecycleContext,
  run: OutboundRun,
  message: JsonObject,
): Promise<JsonObject> {
  const { status, error } = run.outcome;
  const final = markFinal(message, status, error, ctx.deps.now());
  await publish(ctx, run, final, [...outcomeEvents(status), 'message.finalized']);
  return final;
}

function outcomeEvents(status: MessageOutcome['status']): string[] {
  if (status === 'delivered') return ['message.delivered'];
  if (status === 'delivery_unconfirmed') return [];
  return ['message.failed'];
}

/** Stores the message, then emits each event in order with the message as payload. */
async function publish(
  ctx: LifecycleContext,
  run: OutboundRun,
  message: JsonObject,
  eventTypes: readonly string[],
): Promise<void> {
  const now = ctx.deps.now();
  await saveMessage(ctx.deps.store, run.accountId, message, now);
  if (run.target === null) return;
  for (const eventType of eventTypes) {
    await ctx.deps.emit({
      accountId: run.accountId,
      eventType,
      payload: message,
      occurredAt: now,
      messagingProfileId: run.messagingProfileId,
      webhookUrl: run.target.url,
      failoverUrl: run.target.failoverUrl,
    });
  }
}

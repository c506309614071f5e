import type { TelnyxEvent } from '@switchboard/core';
import type { EventFacts } from './event-facts.js';
import type { HandlerContext, WebhookHandler } from './handler-types.js';
import type { ReceiverConfig } from './resolve-config.js';
import type { WebhookResponse } from './receiver-types.js';
import { ackResponse, receiverError } from './responses.js';

/** A verified, reserved event and the handler chosen for it. */
export interface Job {
  readonly handler: WebhookHandler;
  readonly event: TelnyxEvent;
  readonly facts: EventFacts;
  readonly context: HandlerContext;
}

/**
 * Runs the handler and settles the lease. Without an ack deadline the reply waits for the
 * handler (200, or 500 so Telnyx retries); with one, whichever comes first wins, and a handler
 * still running at the deadline goes on in the background with its outcome still settling the
 * lease and any failure still reported.
 */
export async function processEvent(config: ReceiverConfig, job: Job): Promise<WebhookResponse> {
  const ack = { sent: false };
  const work = runAndSettle(config, job, ack);
  if (config.ackDeadlineMs === undefined) return outcomeResponse(await work);
  const first = await Promise.race([work, deadline(config.ackDeadlineMs, work)]);
  if (first !== 'deadline') return outcomeResponse(first);
  ack.sent = true;
  return ackResponse(
    'accepted',
    work.then(() => undefined),
  );
}

async function runAndSettle(
  config: ReceiverConfig,
  job: Job,
  ack: { readonly sent: boolean },
): Promise<boolean> {
  try {
    await job.handler(job.event, job.context);
  } catch (error) {
    await settleLease(config, job.facts, 'release');
    config.report(error, { ...where(job.facts), phase: 'handler', background: ack.sent });
    return false;
  }
  await settleLease(config, job.facts, 'complete');
  return true;
}

// A store failure here is reported but does not change the reply: the handler's outcome is
// what the sender must learn, and an unsettled lease expires on its own.
async function settleLease(
  config: ReceiverConfig,
  facts: EventFacts,
  action: 'complete' | 'release',
): Promise<void> {
  const idempotency = config.idempotency;
  if (idempotency === undefined) return;
  try {
    if (action === 'complete') await idempotency.store.complete(facts.id, idempotency.ttlMs);
    else await idempotency.store.release(facts.id);
  } catch (error) {
    config.report(error, { ...where(facts), phase: 'idempotency' });
  }
}

function deadline(ms: number, work: Promise<unknown>): Promise<'deadline'> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      resolve('deadline');
    }, ms);
    void work.finally(() => {
      clearTimeout(timer);
    });
  });
}

function outcomeResponse(succeeded: boolean): WebhookResponse {
  return succeeded ? ackResponse('processed') : receiverError(500, 'RCV_HANDLER_FAILED');
}

/** The event identity fields for an error report. */
export function where(facts: EventFacts): { eventId: string; eventType: string } {
  return { eventId: facts.id, eventType: facts.type };
}

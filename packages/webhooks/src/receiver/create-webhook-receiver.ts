import {
  normalizeEvent,
  verifyWebhook,
  WebhookVerificationError,
  type TelnyxEvent,
} from '@switchboard/core';
import { commandIdFor } from '../command-id-for.js';
import type { ReserveOutcome } from '../idempotency/idempotency-store.js';
import { eventFacts, type EventFacts } from './event-facts.js';
import type { HandlerContext, WebhookHandler } from './handler-types.js';
import { processEvent, where } from './process-event.js';
import type {
  WebhookReceiver,
  WebhookReceiverOptions,
  WebhookRequest,
  WebhookResponse,
} from './receiver-types.js';
import { resolveConfig, type ReceiverConfig } from './resolve-config.js';
import {
  ackResponse,
  errorResponse,
  receiverError,
  statusForVerificationCode,
} from './responses.js';

type Verified =
  | { readonly ok: true; readonly event: TelnyxEvent }
  | { readonly ok: false; readonly response: WebhookResponse };

/**
 * Creates the framework-neutral receiver that the adapters (`/node`, `/express`, `/fastify`,
 * `/hono`, `/fetch`) call. Throws at construction on a malformed key or option.
 *
 * @example
 * const receiver = createWebhookReceiver({
 *   publicKey: process.env.TELNYX_PUBLIC_KEY!,
 *   idempotency: memoryIdempotencyStore(),
 *   handlers: { 'call.initiated': async (event, ctx) => { ... } },
 * });
 */
export function createWebhookReceiver(options: WebhookReceiverOptions): WebhookReceiver {
  const config = resolveConfig(options);
  return Object.freeze({
    handle: (request: WebhookRequest) => handleSafely(config, request),
    reject: (error: WebhookVerificationError) => rejection(config, error),
  });
}

async function handleSafely(
  config: ReceiverConfig,
  request: WebhookRequest,
): Promise<WebhookResponse> {
  try {
    return await handle(config, request);
  } catch (error) {
    config.report(error, { phase: 'verification' });
    return receiverError(500, 'RCV_INTERNAL');
  }
}

async function handle(config: ReceiverConfig, request: WebhookRequest): Promise<WebhookResponse> {
  const verified = await verify(config, request);
  if (!verified.ok) return verified.response;
  const facts = eventFacts(verified.event);
  if (facts.id === '')
    return errorResponse(400, 'WH_MALFORMED_PAYLOAD', 'The event has no data.id.');
  const handler = handlerFor(config, facts.type);
  if (handler === undefined) return ackResponse('ignored');
  const outcome = await reserve(config, facts);
  if (outcome !== 'reserved') return leaseResponse(outcome);
  const context = contextFor(config, verified.event, facts);
  return processEvent(config, { handler, event: verified.event, facts, context });
}

async function verify(config: ReceiverConfig, request: WebhookRequest): Promise<Verified> {
  try {
    const event = await verifyWebhook({
      body: request.body,
      headers: request.headers,
      publicKey: config.publicKey,
      toleranceSeconds: config.toleranceSeconds,
      now: config.now(),
    });
    return { ok: true, event: normalizeEvent(event) };
  } catch (error) {
    if (!(error instanceof WebhookVerificationError)) throw error;
    return { ok: false, response: rejection(config, error) };
  }
}

// Signature failures are expected traffic (scanners, stale retries) and are only answered;
// a parsed body or a bad key is the developer's misconfiguration and is reported as well.
function rejection(config: ReceiverConfig, error: WebhookVerificationError): WebhookResponse {
  if (error.code === 'WH_BODY_PARSED' || error.code === 'WH_BAD_KEY') {
    config.report(error, { phase: 'verification' });
  }
  return errorResponse(statusForVerificationCode(error.code), error.code, error.message);
}

function handlerFor(config: ReceiverConfig, type: string): WebhookHandler | undefined {
  const handlers = config.handlers as Readonly<Record<string, WebhookHandler | undefined>>;
  return Object.hasOwn(handlers, type) ? handlers[type] : handlers['*'];
}

async function reserve(
  config: ReceiverConfig,
  facts: EventFacts,
): Promise<ReserveOutcome | 'unavailable'> {
  const idempotency = config.idempotency;
  if (idempotency === undefined) return 'reserved';
  try {
    return await idempotency.store.reserve(facts.id, idempotency.leaseMs);
  } catch (error) {
    config.report(error, { ...where(facts), phase: 'idempotency' });
    return 'unavailable';
  }
}

// 503 rather than 409 for a live lease: Telnyx retries 408, 429 and 5xx but gives up on any
// other 4xx (seed 001), so a 409 would lose the event if the first run then failed. The body's
// code (RCV_IN_PROGRESS vs RCV_STORE_UNAVAILABLE) still tells the two 503s apart.
function leaseResponse(
  outcome: Exclude<ReserveOutcome, 'reserved'> | 'unavailable',
): WebhookResponse {
  if (outcome === 'done') return ackResponse('duplicate');
  if (outcome === 'in_progress') return receiverError(503, 'RCV_IN_PROGRESS');
  return receiverError(503, 'RCV_STORE_UNAVAILABLE');
}

function contextFor(config: ReceiverConfig, event: TelnyxEvent, facts: EventFacts): HandlerContext {
  const observed = config.tracker?.observe(event, facts);
  return {
    eventId: facts.id,
    eventType: facts.type,
    deliveryAttempt: facts.attempt,
    commandId: (action) => commandIdFor(event, action),
    ...(observed === undefined ? {} : observed),
  };
}

import { performance } from 'node:perf_hooks';
import type { Dispatcher } from 'undici';
import type { AttemptRecord, Delivery } from '../../storage/delivery-records.js';
import { newTimeOrderedId } from '../../storage/time-ordered-id.js';
import type { AttemptOutcome } from './attempt-outcome.js';
import { buildAttemptRecord } from './attempt-record.js';
import { chaosStateOf } from './chaos/chaos-state.js';
import { NO_CHAOS, planTryChaos, type TryChaos } from './chaos/try-chaos.js';
import { pause, skippedByChaos } from './chaos/skipped-try.js';
import { sendTry } from './send-try.js';
import type { Shutdown } from './shutdown.js';
import { tryFault } from './try-fault.js';
import { buildWebhookRequest, type WebhookRequest } from './webhook-request.js';

/** The failover try never runs closer than this to the lease's end, so a lease cannot lapse mid-try. */
const LEASE_MARGIN_MS = 2_000;
const MIN_TRY_TIMEOUT_MS = 1_000;

export interface RoundContext {
  readonly dispatcher: Dispatcher;
  readonly shutdown: Shutdown;
  readonly now: () => number;
  readonly defaultTimeoutMs: number;
  /** Base64 raw Ed25519 seed of the account's current signing key (read per try, cached). */
  readonly signingKey: () => Promise<string>;
  /** Epoch ms when the claim's lease ends. */
  readonly leaseExpiresAt: number;
}

export interface RoundResult {
  readonly attempts: readonly AttemptRecord[];
  readonly outcomes: readonly AttemptOutcome[];
}

/**
 * One round: the primary URL, then the failover URL if the primary failed for any reason.
 * Each try is signed afresh and counts as its own `meta.attempt`. Never throws for one
 * delivery's fault: a try that cannot be prepared or sent is a failed attempt (`tryFault`).
 */
export async function runRound(context: RoundContext, delivery: Delivery): Promise<RoundResult> {
  const attempts: AttemptRecord[] = [];
  const outcomes: AttemptOutcome[] = [];
  const chaos = chaosStateOf(delivery);
  for (const url of roundUrls(delivery)) {
    const attempt = delivery.attempts + attempts.length + 1;
    const tryChaos = chaos === null ? NO_CHAOS : planTryChaos(chaos, attempt);
    if (tryChaos.delayMs > 0) await pause(tryChaos.delayMs, context.shutdown);
    const timeoutMs = tryTimeout(context, delivery, attempts.length > 0);
    const { record, outcome } = await runTry(context, delivery, url, attempt, {
      timeoutMs,
      chaos: tryChaos,
    });
    attempts.push(record);
    outcomes.push(outcome);
    if (outcome.kind === 'delivered' || context.shutdown.aborted) break;
  }
  return { attempts, outcomes };
}

function roundUrls(delivery: Delivery): string[] {
  const { url, failoverUrl } = delivery.target;
  return failoverUrl === null || failoverUrl === '' ? [url] : [url, failoverUrl];
}

function tryTimeout(context: RoundContext, delivery: Delivery, isFailover: boolean): number {
  const timeout =
    delivery.target.timeoutMs > 0 ? delivery.target.timeoutMs : context.defaultTimeoutMs;
  if (!isFailover) return timeout;
  const leaseLeft = context.leaseExpiresAt - context.now() - LEASE_MARGIN_MS;
  return Math.max(MIN_TRY_TIMEOUT_MS, Math.min(timeout, leaseLeft));
}

interface TryPlan {
  readonly timeoutMs: number;
  readonly chaos: TryChaos;
}

async function runTry(
  context: RoundContext,
  delivery: Delivery,
  url: string,
  attempt: number,
  plan: TryPlan,
): Promise<{ record: AttemptRecord; outcome: AttemptOutcome }> {
  const startedAt = context.now();
  const started = performance.now();
  // Chaos may sign with a stale or skewed clock; the attempt still records the real times.
  const signedAt = startedAt + plan.chaos.timestampShiftMs;
  let request = unsentRequest(delivery, url);
  let stage = 'could not prepare the try';
  let outcome: AttemptOutcome;
  try {
    request = await prepareRequest(context, delivery, url, attempt, signedAt);
    // `sendTry` turns every failure it knows into an outcome; this catches what it does not.
    stage = 'the try failed unexpectedly';
    outcome = plan.chaos.skipSend
      ? skippedByChaos(plan.chaos)
      : await send(context, request, plan, delivery);
  } catch (error) {
    outcome = tryFault(stage, error);
  }
  const latencyMs = Math.round(performance.now() - started);
  const fields = {
    id: newTimeOrderedId(),
    deliveryId: delivery.id,
    attempt,
    url,
    request,
    outcome,
  };
  const record = buildAttemptRecord({ ...fields, startedAt, finishedAt: context.now(), latencyMs });
  return { record: withChaos(record, plan.chaos), outcome };
}

async function prepareRequest(
  context: RoundContext,
  delivery: Delivery,
  url: string,
  attempt: number,
  now: number,
): Promise<WebhookRequest> {
  const privateKey = await context.signingKey();
  return buildWebhookRequest({ delivery, url, attempt, privateKey, now });
}

function send(
  context: RoundContext,
  request: WebhookRequest,
  plan: TryPlan,
  delivery: Delivery,
): Promise<AttemptOutcome> {
  return sendTry({
    request,
    timeoutMs: plan.timeoutMs,
    dispatcher: context.dispatcher,
    shutdown: context.shutdown,
    now: context.now,
    ...replyLimit(delivery),
  });
}

/** What a try that could not be prepared records as its request: nothing was sent. */
function unsentRequest(delivery: Delivery, url: string): WebhookRequest {
  return { method: delivery.target.method, url, headers: {}, body: null };
}

function withChaos(record: AttemptRecord, chaos: TryChaos): AttemptRecord {
  if (chaos.faults.length === 0) return record;
  return { ...record, meta: { ...record.meta, chaos: [...chaos.faults] } };
}

/** A publisher that reads the reply (TeXML's instruction fetches) asks for more of it. */
function replyLimit(delivery: Delivery): { keepBytes?: number } {
  const limit = delivery.options['reply_limit_bytes'];
  return typeof limit === 'number' && limit > 0 ? { keepBytes: limit } : {};
}

import type { AttemptRecord } from '../../storage/delivery-records.js';
import type { JsonObject } from '../../storage/json.js';
import { assertNever, type AttemptOutcome } from './attempt-outcome.js';
import { capHeaderPairs, capText } from './capped-text.js';
import type { WebhookRequest } from './webhook-request.js';

/** Settled: these request header values are secrets and never reach the Deliveries API. */
const HIDDEN_HEADERS = new Set(['authorization', 'cookie', 'x-api-key']);
const HIDDEN_VALUE = '[hidden]';

export interface AttemptRecordInput {
  readonly id: string;
  readonly deliveryId: string;
  readonly attempt: number;
  /** The URL of the try (`meta.delivered_to`), before any query or redirect. */
  readonly url: string;
  readonly request: WebhookRequest;
  readonly outcome: AttemptOutcome;
  readonly startedAt: number;
  readonly finishedAt: number;
  readonly latencyMs: number;
}

/** The stored record of one try, with every recorded part cut at 10 kB and secrets hidden. */
export function buildAttemptRecord(input: AttemptRecordInput): AttemptRecord {
  const { outcome } = input;
  const response = outcome.response;
  return {
    id: input.id,
    deliveryId: input.deliveryId,
    attempt: input.attempt,
    url: input.url,
    status: outcome.kind === 'delivered' ? 'delivered' : 'failed',
    startedAt: input.startedAt,
    finishedAt: input.finishedAt,
    errors: errorCodes(outcome),
    request: recordedRequest(input.request),
    response:
      response === null
        ? null
        : {
            status: response.status,
            headers: capHeaderPairs(response.headers),
            body: capText(response.body),
          },
    error: errorText(outcome),
    latencyMs: input.latencyMs,
    meta: recordedMeta(outcome),
  };
}

function recordedRequest(request: WebhookRequest): AttemptRecord['request'] {
  const pairs = Object.entries(request.headers).map(([name, value]): [string, string] => [
    name,
    HIDDEN_HEADERS.has(name.toLowerCase()) ? HIDDEN_VALUE : value,
  ]);
  const body = request.body === null ? null : capText(request.body);
  return {
    url: capText(request.url),
    method: request.method,
    headers: capHeaderPairs(pairs),
    body,
  };
}

function errorCodes(outcome: AttemptOutcome): number[] {
  switch (outcome.kind) {
    case 'delivered':
      return [];
    case 'retryable':
    case 'final':
      return [outcome.code];
    default:
      return assertNever(outcome);
  }
}

function errorText(outcome: AttemptOutcome): string | null {
  return outcome.kind === 'delivered' ? null : outcome.reason;
}

function recordedMeta(outcome: AttemptOutcome): JsonObject {
  const meta: JsonObject = { outcome: outcome.kind };
  if (outcome.redirects.length > 0) {
    meta['redirects'] = outcome.redirects.map(({ status, location }) => ({ status, location }));
  }
  if (outcome.kind === 'retryable' && outcome.retryAfterMs !== null)
    meta['retry_after_ms'] = outcome.retryAfterMs;
  return meta;
}

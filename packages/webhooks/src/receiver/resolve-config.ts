import { decodeRawKey } from '@switchboard/core';
import type { IdempotencyStore } from '../idempotency/idempotency-store.js';
import { createOrderingTracker, type OrderingTracker } from '../ordering/ordering-tracker.js';
import type { WebhookHandlers } from './handler-types.js';
import type { ErrorInfo, IdempotencyOptions, WebhookReceiverOptions } from './receiver-types.js';

/** Receiver options with defaults applied, validated once at construction. */
export interface ReceiverConfig {
  readonly publicKey: string | readonly string[];
  readonly handlers: WebhookHandlers;
  readonly idempotency: Required<IdempotencyOptions> | undefined;
  readonly tracker: OrderingTracker | undefined;
  readonly ackDeadlineMs: number | undefined;
  readonly toleranceSeconds: number;
  readonly now: () => number;
  /** Reports a fault; never throws, even when the user's `onError` does. */
  readonly report: (error: unknown, info: ErrorInfo) => void;
}

const DEFAULT_LEASE_MS = 60_000;
const DEFAULT_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * Applies defaults and fails fast on a bad key or option: a receiver that could never verify
 * anything is a deployment fault, better thrown at startup than answered 500 per request.
 */
export function resolveConfig(options: WebhookReceiverOptions): ReceiverConfig {
  checkKeys(options.publicKey);
  checkDeadline(options.ackDeadlineMs);
  return Object.freeze({
    publicKey: options.publicKey,
    handlers: options.handlers,
    idempotency: idempotencyOptions(options.idempotency),
    tracker: orderingTracker(options.ordering),
    ackDeadlineMs: options.ackDeadlineMs,
    toleranceSeconds: options.toleranceSeconds ?? 300,
    now: options.now ?? Date.now,
    report: safeReporter(options.onError ?? defaultOnError),
  });
}

function checkKeys(publicKey: string | readonly string[]): void {
  const keys: readonly unknown[] = typeof publicKey === 'string' ? [publicKey] : publicKey;
  if (keys.length === 0) decodeRawKey(undefined, 'whpk_');
  for (const key of keys) {
    if (typeof key !== 'string' || !key.startsWith('whsec_')) decodeRawKey(key, 'whpk_');
  }
}

function checkDeadline(ackDeadlineMs: number | undefined): void {
  if (ackDeadlineMs !== undefined && !(ackDeadlineMs >= 0 && Number.isFinite(ackDeadlineMs))) {
    throw new RangeError(`ackDeadlineMs must be a finite number >= 0, got ${ackDeadlineMs}`);
  }
}

function idempotencyOptions(
  option: IdempotencyStore | IdempotencyOptions | undefined,
): Required<IdempotencyOptions> | undefined {
  if (option === undefined) return undefined;
  const options: IdempotencyOptions = 'reserve' in option ? { store: option } : option;
  return {
    store: options.store,
    leaseMs: options.leaseMs ?? DEFAULT_LEASE_MS,
    ttlMs: options.ttlMs ?? DEFAULT_TTL_MS,
  };
}

function orderingTracker(option: WebhookReceiverOptions['ordering']): OrderingTracker | undefined {
  if (option === undefined || option === false) return undefined;
  return createOrderingTracker(option === true ? {} : option);
}

function defaultOnError(error: unknown, info: ErrorInfo): void {
  console.error(`[@switchboard/webhooks] ${info.phase} error`, info, error);
}

function safeReporter(onError: (error: unknown, info: ErrorInfo) => void) {
  return (error: unknown, info: ErrorInfo): void => {
    try {
      onError(error, info);
    } catch (thrown) {
      // A throwing onError must not turn a reply into an unhandled rejection in the framework.
      console.error('[@switchboard/webhooks] onError threw', thrown, 'while reporting', error);
    }
  };
}

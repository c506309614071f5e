import type { EmitInput } from '../emulator-deps.js';
import type { CallState } from './call-state.js';

/**
 * Where one of a call's webhooks goes: the per-event URL first, then the call's `webhook_url`,
 * then the application's settings. Conference events about a call are routed the same way.
 */
export function emitInputFor(
  state: CallState,
  eventType: string,
  payload: Readonly<Record<string, unknown>>,
  occurredAt: number,
): EmitInput {
  const { routing } = state;
  // Event types come from outside: only the maps' own entries count (never `__proto__`'s).
  const perEvent = Object.hasOwn(routing.webhookUrls, eventType)
    ? routing.webhookUrls[eventType]
    : undefined;
  const retries = Object.hasOwn(routing.retries, eventType)
    ? routing.retries[eventType]
    : undefined;
  const base = {
    accountId: state.accountId,
    eventType,
    payload,
    occurredAt,
    connectionId: state.connectionId,
  };
  const withRetries = retries === undefined ? base : { ...base, retrySchedule: retries };
  if (perEvent !== undefined)
    return { ...withRetries, webhookUrl: perEvent, method: routing.webhookUrlsMethod };
  if (routing.webhookUrl !== null)
    return { ...withRetries, webhookUrl: routing.webhookUrl, method: routing.webhookMethod };
  return withRetries;
}

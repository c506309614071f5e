import { requireNodeCrypto, type TelnyxWebhookEvent } from '@switchboard/core';
import { eventFacts } from './receiver/event-facts.js';

// A fixed namespace keeps ids stable across processes, versions and restarts.
const COMMAND_NAMESPACE = '3c9e1b52-7d4f-4d0a-9a63-5be8f1c2a7e4';

/**
 * A deterministic `command_id` for a Call Control command issued while handling `event`.
 * Telnyx ignores a repeated `command_id` for the same call within 60 s, so when a duplicate
 * webhook is processed again, the command it re-issues is dropped instead of run twice.
 *
 * @param action - names the command within this event's handling, e.g. `'answer'`, or
 * `'speak:greeting'` when one event issues several commands of one kind.
 * @example
 * await telnyx.calls.actions.answer(callControlId, { command_id: commandIdFor(event, 'answer') });
 */
export function commandIdFor(event: TelnyxWebhookEvent, action: string): string {
  return uuidV5(COMMAND_NAMESPACE, `${eventFacts(event).id}\n${action}`);
}

/** RFC 9562 UUIDv5: SHA-1 of namespace bytes + name, with version and variant bits set. */
export function uuidV5(namespace: string, name: string): string {
  const hash = requireNodeCrypto('commandIdFor')
    .createHash('sha1')
    .update(Buffer.from(namespace.replaceAll('-', ''), 'hex'))
    .update(name, 'utf8')
    .digest();
  hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x50;
  hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

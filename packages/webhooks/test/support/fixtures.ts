import { generateKeyPair, signTestWebhook, type TelnyxEvent } from '@switchboard/core';

/** One key pair for the whole test run. */
export const keys = generateKeyPair();

export interface TestEventOptions {
  readonly id?: string;
  readonly occurredAt?: string;
  readonly attempt?: number;
  readonly payload?: Readonly<Record<string, unknown>>;
}

let sequence = 0;

/** A v2 envelope for `type`, with a fresh id unless one is given. */
export function testEvent(type: string, options: TestEventOptions = {}): TelnyxEvent {
  const body = {
    data: {
      record_type: 'event',
      event_type: type,
      id: options.id ?? `00000000-0000-4000-8000-${String(++sequence).padStart(12, '0')}`,
      occurred_at: options.occurredAt ?? '2025-10-24T18:10:05.074957Z',
      payload: { call_control_id: 'v3:call-1', call_session_id: 'session-1', ...options.payload },
    },
    meta: { attempt: options.attempt ?? 1, delivered_to: 'https://example.com/webhooks' },
  };
  return body as unknown as TelnyxEvent;
}

/** A signed request as Telnyx sends it (the body is a string, the headers a plain record). */
export interface SignedRequest {
  readonly body: string;
  readonly headers: Readonly<Record<string, string>>;
}

/** `event` (or a raw body string) signed with the test keys. */
export function signed(event: TelnyxEvent | string, timestamp?: number): SignedRequest {
  const { body, headers } = signTestWebhook({
    ...(typeof event === 'string' ? { body: event } : { event }),
    privateKey: keys.privateKey,
    ...(timestamp === undefined ? {} : { timestamp }),
  });
  return { body, headers };
}

/** A promise with its resolve/reject exposed, to hold a handler mid-flight. */
export function deferred<T = void>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** The parsed JSON body of a receiver reply. */
export function json(response: { body: string }): Record<string, unknown> {
  return JSON.parse(response.body) as Record<string, unknown>;
}

import { TelnyxWebhook } from 'telnyx/lib/webhooks';
import type { RunningServer } from '../../../src/start-server.js';
import { webhookSchemaErrors } from './event-schema-check.js';
import { startVerifyingReceiver } from './verifying-receiver.js';

/** A webhook as an SDK app saw it: verified by the SDK and checked against its schema. */
export interface CheckedWebhook {
  readonly eventType: string;
  readonly payload: Readonly<Record<string, unknown>>;
  readonly verified: boolean;
  readonly schemaErrors: readonly unknown[];
}

export interface CheckedReceiver {
  readonly url: string;
  readonly seen: readonly CheckedWebhook[];
  /** Waits for the first webhook of `eventType` that `match` accepts. */
  until(
    eventType: string,
    match?: (payload: Readonly<Record<string, unknown>>) => boolean,
  ): Promise<CheckedWebhook>;
  close(): Promise<void>;
}

/**
 * A receiver for SDK integration tests: every webhook goes through the `telnyx` SDK's
 * Ed25519 verifier (with the key the server publishes) and the spec's event schema.
 */
export async function startCheckedReceiver(server: RunningServer): Promise<CheckedReceiver> {
  const verifier = new TelnyxWebhook(server.publicKey);
  const receiver = await startVerifyingReceiver((body, headers) =>
    verifier.verify(body, headers as Record<string, string>).then(
      () => true,
      () => false,
    ),
  );
  const seen: CheckedWebhook[] = [];
  const find = (type: string, match: (p: Readonly<Record<string, unknown>>) => boolean) =>
    seen.find((hook) => hook.eventType === type && match(hook.payload));
  return {
    url: receiver.url,
    seen,
    until: async (type, match = () => true) => {
      for (let hook = find(type, match); ; hook = find(type, match)) {
        if (hook !== undefined) return hook;
        const verdict = await receiver.next();
        const { data } = JSON.parse(verdict.body) as {
          data: { event_type: string; payload: Record<string, unknown> };
        };
        seen.push({
          eventType: data.event_type,
          payload: data.payload,
          verified: verdict.accepted,
          schemaErrors: webhookSchemaErrors(verdict.body),
        });
      }
    },
    close: () => receiver.close(),
  };
}

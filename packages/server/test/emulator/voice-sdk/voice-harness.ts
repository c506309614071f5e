import Telnyx from 'telnyx';
import { afterAll, beforeAll } from 'vitest';
import { TelnyxWebhook } from 'telnyx/lib/webhooks';
import { startServer, type RunningServer } from '../../../src/start-server.js';
import { testConfig } from '../../server/support/test-config.js';
import { callApi } from '../../compat/support/server-api.js';
import {
  startVerifyingReceiver,
  type Verdict,
  type VerifyingReceiver,
} from '../../compat/support/verifying-receiver.js';
import { bodyErrors } from './webhook-validator.js';

/** A webhook the harness received: parsed, checked by the SDK's verifier and by Ajv. */
export interface Hook {
  readonly eventType: string;
  readonly payload: Readonly<Record<string, unknown>>;
  readonly accepted: boolean;
  readonly schemaErrors: readonly string[];
}

/**
 * A running server, the official SDK pointed at it, and a receiver that verifies every webhook
 * with the SDK's Ed25519 verifier and validates it against its event schema.
 */
export class VoiceHarness {
  readonly hooks: Hook[] = [];
  server!: RunningServer;
  client!: Telnyx;
  connectionId = '';
  #receiver!: VerifyingReceiver;

  async setUp(): Promise<this> {
    this.server = await startServer(await testConfig());
    this.client = new Telnyx({
      apiKey: this.server.apiKey ?? '',
      baseURL: `${this.server.url}/v2`,
      maxRetries: 0,
    });
    const verifier = new TelnyxWebhook(this.server.publicKey);
    this.#receiver = await startVerifyingReceiver((body, headers) =>
      verifier.verify(body, headers as Record<string, string>).then(
        () => true,
        () => false,
      ),
    );
    const app = await callApi(this.server, 'POST', '/v2/call_control_applications', {
      application_name: 'voice-sdk',
      webhook_event_url: this.#receiver.url,
    });
    this.connectionId = (app.body['data'] as { id: string }).id;
    return this;
  }

  /** Waits for the first webhook of `eventType` whose payload `match`es. */
  async until(
    eventType: string,
    match: (payload: Readonly<Record<string, unknown>>) => boolean = () => true,
  ): Promise<Hook> {
    for (;;) {
      const hook = this.hooks.find((h) => h.eventType === eventType && match(h.payload));
      if (hook !== undefined) return hook;
      this.hooks.push(parsed(await this.#receiver.next()));
    }
  }

  /** Waits for `eventType` about the call `callId`. */
  untilFor(eventType: string, callId: string): Promise<Hook> {
    return this.until(eventType, (payload) => payload['call_control_id'] === callId);
  }

  /** Dials a human test number through the SDK and waits until the far end answers. */
  async answeredCall(to = '+13125550100'): Promise<string> {
    const dialled = await this.client.calls.dial({
      connection_id: this.connectionId,
      from: '+13125550000',
      to,
    });
    const id = dialled.data?.call_control_id ?? '';
    await this.untilFor('call.answered', id);
    return id;
  }

  /** Every hook the verifier refused or the schema rejected. */
  problems(): string[] {
    return this.hooks.flatMap((hook) => [
      ...(hook.accepted ? [] : [`${hook.eventType} refused by the SDK verifier`]),
      ...hook.schemaErrors,
    ]);
  }

  async close(): Promise<void> {
    await this.#receiver.close();
    await this.server.close();
  }
}

function parsed(verdict: Verdict): Hook {
  const body = JSON.parse(verdict.body) as {
    data: { event_type: string; payload: Record<string, unknown> };
  };
  return {
    eventType: body.data.event_type,
    payload: body.data.payload,
    accepted: verdict.accepted,
    schemaErrors: bodyErrors(body.data.event_type, body),
  };
}

/** One harness (server, SDK, receiver) for the tests of a file, handed to `use`. */
export function useVoiceHarness(use: (harness: VoiceHarness) => void): void {
  let current: VoiceHarness | null = null;
  beforeAll(async () => {
    current = await new VoiceHarness().setUp();
    use(current);
  });
  afterAll(async () => {
    await current?.close();
  });
}

import type { IncomingHttpHeaders } from 'node:http';
import type { RunningServer } from '../../../src/start-server.js';
import { callApi } from './server-api.js';
import {
  startVerifyingReceiver,
  type Verdict,
  type VerifyingReceiver,
} from './verifying-receiver.js';

/** The numbers of a scenario: one the account owns, one out in the world. */
export const OWNED_NUMBER = '+13125551234';
export const REMOTE_NUMBER = '+13125559876';

/** What a Telnyx SDK generation is asked to do, in its own idiom. */
export interface SdkDriver {
  /** Dials and returns the new call's `call_control_id`. */
  dial(params: { connection_id: string; from: string; to: string }): Promise<string>;
  answer(callControlId: string): Promise<void>;
  speak(callControlId: string, text: string): Promise<void>;
  hangup(callControlId: string): Promise<void>;
  /** Sends an SMS with only from, to and text; returns the message id. */
  sendSms(params: { from: string; to: string; text: string }): Promise<string>;
}

/** A webhook the scenario received, parsed, with the SDK verifier's verdict. */
export interface SeenWebhook {
  readonly eventType: string;
  readonly payload: Readonly<Record<string, unknown>>;
  readonly accepted: boolean;
}

/** A server-side setup (application, profile, owned number) and a receiver using `check`. */
export interface Scenario {
  readonly connectionId: string;
  readonly seen: readonly SeenWebhook[];
  /** Waits for the webhook of `eventType` about `id` (call control id or message id). */
  until(eventType: string, id: string): Promise<SeenWebhook>;
  close(): Promise<void>;
}

export async function setUpScenario(
  server: RunningServer,
  check: (body: string, headers: IncomingHttpHeaders) => Promise<boolean>,
): Promise<Scenario> {
  const receiver = await startVerifyingReceiver(check);
  const connectionId = await created(server, '/v2/call_control_applications', {
    application_name: 'compat',
    webhook_event_url: receiver.url,
  });
  const profileId = await created(server, '/v2/messaging_profiles', {
    name: 'compat',
    webhook_url: receiver.url,
  });
  await created(server, '/switchboard/phone_numbers', {
    phone_number: OWNED_NUMBER,
    connection_id: connectionId,
    messaging_profile_id: profileId,
  });
  return scenarioOver(receiver, connectionId);
}

function scenarioOver(receiver: VerifyingReceiver, connectionId: string): Scenario {
  const seen: SeenWebhook[] = [];
  const find = (type: string, id: string): SeenWebhook | undefined =>
    seen.find((hook) => hook.eventType === type && idsOf(hook).includes(id));
  return {
    connectionId,
    seen,
    until: async (type, id) => {
      for (let hook = find(type, id); ; hook = find(type, id)) {
        if (hook !== undefined) return hook;
        seen.push(parsed(await receiver.next()));
      }
    },
    close: () => receiver.close(),
  };
}

function parsed(verdict: Verdict): SeenWebhook {
  const { data } = JSON.parse(verdict.body) as {
    data: { event_type: string; payload: Record<string, unknown> };
  };
  return { eventType: data.event_type, payload: data.payload, accepted: verdict.accepted };
}

function idsOf(hook: SeenWebhook): unknown[] {
  return [hook.payload['call_control_id'], hook.payload['id']];
}

async function created(server: RunningServer, path: string, body: unknown): Promise<string> {
  const reply = await callApi(server, 'POST', path, body);
  const data = reply.body['data'] as { id?: string } | undefined;
  if (reply.status >= 300 || data?.id === undefined) {
    throw new Error(`POST ${path}: ${reply.status} ${JSON.stringify(reply.body)}`);
  }
  return data.id;
}

/**
 * The flow every SDK generation must get through: an outbound call (dial; the far end answers;
 * speak; hangup), an inbound call to the owned number (answer; hangup), and an SMS from the
 * owned number without a messaging profile id.
 */
export async function runScenario(
  server: RunningServer,
  scenario: Scenario,
  sdk: SdkDriver,
): Promise<void> {
  await outboundCall(scenario, sdk);
  await inboundCall(server, scenario, sdk);
  const messageId = await sdk.sendSms({ from: OWNED_NUMBER, to: REMOTE_NUMBER, text: 'hi' });
  await scenario.until('message.sent', messageId);
  await scenario.until('message.finalized', messageId);
}

async function outboundCall(scenario: Scenario, sdk: SdkDriver): Promise<void> {
  const id = await sdk.dial({
    connection_id: scenario.connectionId,
    from: OWNED_NUMBER,
    to: REMOTE_NUMBER,
  });
  await scenario.until('call.answered', id);
  await sdk.speak(id, 'Hello from a Telnyx SDK');
  await scenario.until('call.speak.ended', id);
  await sdk.hangup(id);
  await scenario.until('call.hangup', id);
}

async function inboundCall(server: RunningServer, scenario: Scenario, sdk: SdkDriver) {
  const reply = await callApi(server, 'POST', '/switchboard/simulate/calls', {
    from: REMOTE_NUMBER,
    to: OWNED_NUMBER,
  });
  const data = reply.body['data'] as { call_control_id: string };
  await scenario.until('call.initiated', data.call_control_id);
  await sdk.answer(data.call_control_id);
  await scenario.until('call.answered', data.call_control_id);
  await sdk.hangup(data.call_control_id);
  await scenario.until('call.hangup', data.call_control_id);
}

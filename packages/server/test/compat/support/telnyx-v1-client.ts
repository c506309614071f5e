import type { Agent } from 'node:https';
import { createRequire } from 'node:module';

/** The parts of the untyped telnyx 1.x SDK that the compat test uses. */
export interface TelnyxV1 {
  setHost(host: string, port?: number, protocol?: 'http' | 'https'): void;
  setHttpAgent(agent: Agent): void;
  readonly calls: {
    create(params: Record<string, string>): Promise<{ data: { call_control_id: string } }>;
  };
  /** A call handle from a known id, as 1.x apps build one from a webhook. */
  readonly Call: new (args: { call_control_id: string }) => TelnyxV1Call;
  readonly messages: {
    create(params: Record<string, string>): Promise<{ data: { id: string } }>;
  };
  readonly webhooks: {
    constructEvent(payload: string, signature: string, timestamp: string, key: string): unknown;
  };
}

export interface TelnyxV1Call {
  answer(params?: Record<string, string>): Promise<unknown>;
  speak(params: Record<string, string>): Promise<unknown>;
  hangup(params?: Record<string, string>): Promise<unknown>;
}

/** `require('telnyx')(apiKey)` of the 1.27.0 SDK, installed as `telnyx-v1`. */
export function telnyxV1(apiKey: string): TelnyxV1 {
  const load = createRequire(import.meta.url);
  const factory = load('telnyx-v1') as (key: string) => TelnyxV1;
  return factory(apiKey);
}

import type { SdkDriver } from './sdk-scenario.js';

/**
 * The parts of a Stainless-generated telnyx client (6.x and 7.x) the scenario uses. Both
 * generations share these method shapes, so one driver serves both.
 */
export interface ModernTelnyxClient {
  readonly calls: {
    dial(params: {
      connection_id: string;
      from: string;
      to: string;
    }): PromiseLike<{ data?: { call_control_id?: string } | undefined }>;
    readonly actions: {
      answer(id: string, params: object): PromiseLike<unknown>;
      speak(id: string, params: { payload: string; voice: string }): PromiseLike<unknown>;
      hangup(id: string, params: object): PromiseLike<unknown>;
    };
  };
  readonly messages: {
    send(params: {
      from: string;
      to: string;
      text: string;
    }): PromiseLike<{ data?: { id?: string } | undefined }>;
  };
}

export function modernSdkDriver(client: ModernTelnyxClient): SdkDriver {
  return {
    dial: async (params) => (await client.calls.dial(params)).data?.call_control_id ?? '',
    answer: async (id) => {
      await client.calls.actions.answer(id, {});
    },
    speak: async (id, text) => {
      await client.calls.actions.speak(id, { payload: text, voice: 'female' });
    },
    hangup: async (id) => {
      await client.calls.actions.hangup(id, {});
    },
    sendSms: async (params) => (await client.messages.send(params)).data?.id ?? '',
  };
}

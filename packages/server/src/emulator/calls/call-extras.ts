import type { JoinOptions } from '../conferences/join-options.js';

/** One line of an AI conversation, as `message_history` carries it. */
export interface ConversationMessage {
  readonly role: 'assistant' | 'user';
  readonly content: string;
}

/** gather_using_ai: what is asked for and what the far end's speech has filled in so far. */
export interface AiGatherState {
  /** The `parameters` JSON schema's properties: name → JSON type (`string`, `integer`, …). */
  readonly fields: Readonly<Record<string, string>>;
  readonly required: readonly string[];
  readonly result: Readonly<Record<string, string | number | boolean>>;
  readonly timeoutMs: number;
}

/** An AI assistant, a conversation relay or an AI gather running on the call. */
export interface ConversationState {
  readonly id: string;
  readonly kind: 'ai_assistant' | 'conversation_relay' | 'ai_gather';
  readonly startedAt: number;
  readonly assistantId: string | null;
  readonly history: readonly ConversationMessage[];
  readonly gather: AiGatherState | null;
}

/** A SIP REFER in flight: how the far end will answer it (scripted from the target). */
export interface ReferState {
  readonly sipAddress: string;
  readonly outcome: 'completed' | 'failed';
  readonly sipCode: number;
}

/** Call features beyond the core commands; every member has a neutral default. */
export interface CallExtras {
  readonly siprec: boolean;
  readonly suppression: boolean;
  readonly supervisorRole: 'barge' | 'whisper' | 'monitor' | null;
  readonly conversation: ConversationState | null;
  readonly refer: ReferState | null;
}

/** Dial's `conference_config`: a conference (by id or name) to join once the call answers. */
export interface ConferenceConfig {
  readonly id: string | null;
  readonly name: string | null;
  readonly options: JoinOptions;
}

export const NO_EXTRAS: CallExtras = {
  siprec: false,
  suppression: false,
  supervisorRole: null,
  conversation: null,
  refer: null,
};

import type { ConversationState, ReferState } from './call-extras.js';

/** The Call Control commands beyond the core set, validated and defaulted. */
export type ExtendedCommand =
  | { readonly name: 'refer'; readonly refer: ReferState }
  | { readonly name: 'send_sip_info' }
  | { readonly name: 'siprec_start'; readonly fails: boolean }
  | { readonly name: 'siprec_stop' }
  | { readonly name: 'suppression_start' }
  | { readonly name: 'suppression_stop' }
  | { readonly name: 'switch_supervisor_role'; readonly role: 'barge' | 'whisper' | 'monitor' }
  | { readonly name: 'record_pause' }
  | { readonly name: 'record_resume' }
  | { readonly name: 'conversation_start'; readonly conversation: ConversationState }
  | { readonly name: 'ai_assistant_join'; readonly conversation: ConversationState }
  | { readonly name: 'ai_assistant_add_messages'; readonly messages: readonly string[] }
  | { readonly name: 'ai_assistant_stop' }
  | { readonly name: 'conversation_relay_stop' };

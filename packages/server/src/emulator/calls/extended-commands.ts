import type { Draft } from './call-draft.js';
import type { ConversationState } from './call-extras.js';
import type { ExtendedCommand } from './extended-command.js';
import type { Refusal } from './call-input.js';
import {
  addMessages,
  endConversation,
  extrasOf,
  patchExtras,
  startConversation,
  startSiprec,
  stopSiprec,
} from './conversation-transitions.js';
import { pauseRecording, resumeRecording } from './recording-pause-transitions.js';
import { startRefer } from './refer-transitions.js';

export const EXTENDED_NAMES: ReadonlySet<string> = new Set([
  'refer',
  'send_sip_info',
  'siprec_start',
  'siprec_stop',
  'suppression_start',
  'suppression_stop',
  'switch_supervisor_role',
  'record_pause',
  'record_resume',
  'conversation_start',
  'ai_assistant_join',
  'ai_assistant_add_messages',
  'ai_assistant_stop',
  'conversation_relay_stop',
]);

/** Runs one extended command on a live call; every one of them needs audio (an answer) first. */
export function runExtended(draft: Draft, command: ExtendedCommand): Refusal | null {
  if (draft.state.phase !== 'answered') return 'not_answered';
  const conversation = extrasOf(draft).conversation;
  const starts = command.name === 'conversation_start' || command.name === 'ai_assistant_join';
  if (starts && conversation !== null) return 'ai_active';
  if (command.name === 'ai_assistant_add_messages' && conversation?.kind !== 'ai_assistant')
    return 'no_conversation';
  applyExtended(draft, command);
  return null;
}

function applyExtended(draft: Draft, command: ExtendedCommand): void {
  switch (command.name) {
    case 'refer':
      startRefer(draft, command.refer);
      return;
    case 'siprec_start':
      startSiprec(draft, command.fails);
      return;
    case 'siprec_stop':
      stopSiprec(draft);
      return;
    case 'suppression_start':
    case 'suppression_stop':
      patchExtras(draft, { suppression: command.name === 'suppression_start' });
      return;
    case 'switch_supervisor_role':
      patchExtras(draft, { supervisorRole: command.role });
      return;
    case 'record_pause':
      pauseRecording(draft);
      return;
    case 'record_resume':
      resumeRecording(draft);
      return;
    default:
      applyConversation(draft, command);
  }
}

function applyConversation(draft: Draft, command: ExtendedCommand): void {
  switch (command.name) {
    case 'conversation_start':
    case 'ai_assistant_join':
      startConversation(draft, command.conversation);
      return;
    case 'ai_assistant_add_messages':
      addMessages(draft, command.messages);
      return;
    case 'ai_assistant_stop':
    case 'conversation_relay_stop':
      stopKind(draft, command.name === 'ai_assistant_stop' ? 'ai_assistant' : 'conversation_relay');
      return;
    default:
      // send_sip_info goes to the far end, which is no Call Control leg: nothing to emit.
      return;
  }
}

/** A stop ends only the kind it names; stopping what is not running changes nothing. */
function stopKind(draft: Draft, kind: ConversationState['kind']): void {
  if (extrasOf(draft).conversation?.kind === kind) endConversation(draft, 'stopped');
}

/** The reply's extra fields: the conversation ids the AI and relay commands answer with. */
export function extendedReply(command: ExtendedCommand): Record<string, string> {
  if (command.name === 'conversation_start')
    return command.conversation.kind === 'conversation_relay'
      ? { conversation_relay_id: command.conversation.id }
      : { conversation_id: command.conversation.id };
  if (command.name === 'ai_assistant_join') return { conversation_id: command.conversation.id };
  return {};
}

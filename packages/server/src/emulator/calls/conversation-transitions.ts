import { fieldsFromSpeech } from './ai-speech.js';
import { cancel, emit, parties, patch, schedule, type Draft } from './call-draft.js';
import { NO_EXTRAS, type CallExtras, type ConversationState } from './call-extras.js';

/** The call's extras, with defaults for calls stored before they existed. */
export function extrasOf(draft: Draft): CallExtras {
  return draft.state.extras ?? NO_EXTRAS;
}

export function patchExtras(draft: Draft, changes: Partial<CallExtras>): void {
  patch(draft, { extras: { ...extrasOf(draft), ...changes } });
}

/** Starts an AI assistant, a conversation relay or an AI gather (one at a time per call). */
export function startConversation(draft: Draft, conversation: ConversationState): void {
  patchExtras(draft, { conversation: { ...conversation, startedAt: draft.ctx.now } });
  const gather = conversation.gather;
  if (gather !== null) schedule(draft, 'ai_gather_timeout', draft.ctx.now + gather.timeoutMs);
}

export function addMessages(draft: Draft, contents: readonly string[]): void {
  const conversation = extrasOf(draft).conversation;
  if (conversation === null) return;
  const added = contents.map((content) => ({ role: 'user' as const, content }));
  patchExtras(draft, {
    conversation: { ...conversation, history: [...conversation.history, ...added] },
  });
}

/**
 * Far-end speech during gather_using_ai: it joins the message history and fills fields; the
 * gather ends `valid` once every required field is known, else waits for more speech.
 */
export function hearAiSpeech(draft: Draft, text: string): void {
  const conversation = extrasOf(draft).conversation;
  const gather = conversation?.gather ?? null;
  if (conversation == null || gather === null) return;
  const result = { ...gather.result, ...fieldsFromSpeech(text, gather.fields) };
  const history = [...conversation.history, { role: 'user' as const, content: text }];
  patchExtras(draft, { conversation: { ...conversation, history, gather: { ...gather, result } } });
  if (gather.required.every((name) => Object.hasOwn(result, name))) endAiGather(draft, 'completed');
  else schedule(draft, 'ai_gather_timeout', draft.ctx.now + gather.timeoutMs);
}

/** The user stopped answering: the gather ends with what it has. */
export function aiGatherTimedOut(draft: Draft): void {
  endAiGather(draft, 'user_response_timeout');
}

function endAiGather(draft: Draft, reason: string): void {
  const conversation = extrasOf(draft).conversation;
  const gather = conversation?.gather ?? null;
  if (conversation == null || gather === null) return;
  cancel(draft, 'ai_gather_timeout');
  const valid = gather.required.every((name) => Object.hasOwn(gather.result, name));
  emit(draft, 'call.ai_gather.ended', {
    ...parties(draft.state),
    message_history: conversation.history,
    result: gather.result,
    status: valid ? 'valid' : 'invalid',
  });
  endConversation(draft, reason);
}

/** Stops whatever conversation runs: `call.conversation.ended` with why. */
export function endConversation(draft: Draft, reason: string | null): void {
  const conversation = extrasOf(draft).conversation;
  if (conversation === null) return;
  cancel(draft, 'ai_gather_timeout');
  const to = draft.state.to;
  emit(draft, 'call.conversation.ended', {
    ...parties(draft.state),
    conversation_id: conversation.id,
    ...(conversation.assistantId === null ? {} : { assistant_id: conversation.assistantId }),
    calling_party_type: to.startsWith('sip:') ? 'sip' : 'pstn',
    duration_sec: Math.floor((draft.ctx.now - conversation.startedAt) / 1000),
    reason,
  });
  patchExtras(draft, { conversation: null });
}

/** SIPREC: the recording server answers at once, unless the scripted connector fails. */
export function startSiprec(draft: Draft, fails: boolean): void {
  if (extrasOf(draft).siprec) return;
  if (fails) {
    emit(draft, 'siprec.failed', { failure_cause: 'connection_failed' });
    return;
  }
  patchExtras(draft, { siprec: true });
  emit(draft, 'siprec.started');
}

export function stopSiprec(draft: Draft): void {
  if (!extrasOf(draft).siprec) return;
  patchExtras(draft, { siprec: false });
  emit(draft, 'siprec.stopped', { hangup_cause: 'normal_clearing' });
}

/** On hangup: a running AI conversation and SIPREC session end with the call. */
export function closeExtras(draft: Draft): void {
  if (extrasOf(draft).conversation?.gather != null) endAiGather(draft, 'call_hangup');
  endConversation(draft, 'call_hangup');
  stopSiprec(draft);
}

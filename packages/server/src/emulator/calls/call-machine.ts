import { detectionEnded, greetingEnded } from './amd-transitions.js';
import { ownMember } from '../../support/own-member.js';
import { draftOf, finish, isAlive, patch, type Draft, type StepContext } from './call-draft.js';
import type {
  CallInput,
  Command,
  CommonParams,
  FarEndAction,
  MediaEvent,
  PeerSignal,
  Refusal,
  Step,
} from './call-input.js';
import type { CallState, CallTimer } from './call-state.js';
import { runCommand } from './command-transitions.js';
import { dequeue, hearSpeech, holdChanged, streamFailed } from './feature-transitions.js';
import { gatherTimedOut, promptEnded, receiveDigits } from './gather-transitions.js';
import {
  answered,
  bridged,
  endCall,
  farEndHangup,
  peerHungUp,
  ringOutcome,
} from './lifecycle-transitions.js';
import { mediaEnded } from './media-transitions.js';
import { aiGatherTimedOut, hearAiSpeech } from './conversation-transitions.js';
import { referEnded } from './refer-transitions.js';

/** A repeated command_id within this window is ignored (Telnyx: 60 s). */
export const COMMAND_ID_WINDOW_MS = 60_000;
/** A call remembers at most this many command_ids (the newest), so its stored state stays small. */
export const MAX_COMMAND_IDS = 100;

/**
 * The call state machine: one pure function from (state, input, time) to the next state and
 * the effects (webhooks, timers, signals to other calls) the engine must carry out.
 */
export function step(state: CallState, input: CallInput, ctx: StepContext): Step {
  switch (input.type) {
    case 'command':
      return onCommand(state, input.command, input.common, ctx);
    case 'far_end':
      return onFarEnd(state, input.action, ctx);
    case 'timer':
      return onTimer(state, input.timer, ctx);
    case 'peer':
      return onPeer(state, input.signal, ctx);
    case 'media':
      return onMedia(state, input.event, ctx);
    case 'conference':
      return onConference(state, input.conferenceId, ctx);
  }
}

function refuse(refusal: Refusal): Step {
  return { ok: false, refusal };
}

function onCommand(
  state: CallState,
  command: Command,
  common: CommonParams,
  ctx: StepContext,
): Step {
  if (!isAlive(state)) return refuse('call_ended');
  if (isDuplicate(state, common.commandId, ctx.now)) return { ok: true, state, effects: [] };
  const draft = draftOf(state, ctx);
  rememberCommand(draft, common);
  const refusal = runCommand(draft, command);
  return refusal === null ? finish(draft) : refuse(refusal);
}

export function isDuplicate(state: CallState, commandId: string | null, now: number): boolean {
  if (commandId === null) return false;
  const seen = ownMember(state.commandIds, commandId);
  return seen !== undefined && now - seen < COMMAND_ID_WINDOW_MS;
}

/** Applies client_state and routing before the command, so its own events already carry them. */
function rememberCommand(draft: Draft, common: CommonParams): void {
  const now = draft.ctx.now;
  const recent = Object.entries(draft.state.commandIds).filter(
    ([, at]) => now - at < COMMAND_ID_WINDOW_MS,
  );
  const kept = common.commandId === null ? recent : [...recent, [common.commandId, now] as const];
  // Oldest first by time (an object lists integer-like keys before the others), newest kept.
  const newest = kept.sort(([, a], [, b]) => a - b).slice(-MAX_COMMAND_IDS);
  const commandIds = Object.fromEntries(newest);
  patch(draft, { commandIds });
  if (common.clientState !== null) patch(draft, { clientState: common.clientState });
  if (common.routing !== null)
    patch(draft, { routing: { ...draft.state.routing, ...common.routing } });
}

function onMedia(state: CallState, event: MediaEvent, ctx: StepContext): Step {
  if (!isAlive(state)) return { ok: true, state, effects: [] };
  const draft = draftOf(state, ctx);
  streamFailed(draft, event.streamId, event.reason);
  return finish(draft);
}

function onFarEnd(state: CallState, action: FarEndAction, ctx: StepContext): Step {
  if (!isAlive(state)) return refuse('call_ended');
  const needsAnswer = action.name !== 'answer' && action.name !== 'hangup';
  if (needsAnswer && state.phase !== 'answered') return refuse('not_answered');
  const draft = draftOf(state, ctx);
  farEndAct(draft, action);
  return finish(draft);
}

function farEndAct(draft: Draft, action: FarEndAction): void {
  if (action.name === 'answer') answerAndLink(draft);
  else if (action.name === 'hangup') farEndHangup(draft);
  else if (action.name === 'dtmf') receiveDigits(draft, action.digits);
  else if (action.name === 'speech') {
    hearSpeech(draft, action.text);
    hearAiSpeech(draft, action.text);
  } else holdChanged(draft, action.name === 'hold');
}

/** The far end can only answer a call it is ringing for: an outgoing one. */
function answerAndLink(draft: Draft): void {
  if (draft.state.direction !== 'outgoing') return;
  answered(draft);
  linkTransfer(draft);
}

/** A transfer's new leg is bridged to the original call as soon as it answers. */
function linkTransfer(draft: Draft): void {
  const original = draft.state.transferOf;
  if (original === null || draft.state.phase !== 'answered') return;
  bridged(draft, original, false);
  draft.effects.push({
    type: 'signal',
    callId: original,
    signal: { name: 'bridged', peerId: draft.state.id, parkAfterUnbridge: false },
  });
  patch(draft, { transferOf: null });
}

function onTimer(state: CallState, timer: CallTimer, ctx: StepContext): Step {
  if (!state.timers.some((pending) => pending.id === timer.id))
    return { ok: true, state, effects: [] };
  const draft = draftOf(state, ctx);
  patch(draft, { timers: state.timers.filter((pending) => pending.id !== timer.id) });
  fire(draft, timer);
  return finish(draft);
}

function fire(draft: Draft, timer: CallTimer): void {
  switch (timer.kind) {
    case 'ring_outcome':
      ringOutcome(draft);
      linkTransfer(draft);
      return;
    case 'dial_timeout':
      endCall(draft, 'timeout', 'system');
      return;
    case 'time_limit':
      endCall(draft, 'time_limit', 'system');
      return;
    case 'amd_result':
      detectionEnded(draft);
      return;
    case 'amd_greeting':
      greetingEnded(draft);
      return;
    case 'media_end':
      mediaEnded(draft);
      return;
    case 'prompt_end':
      promptEnded(draft);
      return;
    case 'gather_timeout':
      gatherTimedOut(draft);
      return;
    case 'queue_timeout':
      dequeue(draft, 'timeout');
      return;
    case 'refer_outcome':
      referEnded(draft);
      return;
    case 'ai_gather_timeout':
      aiGatherTimedOut(draft);
      return;
  }
}

/** Joining or leaving a conference only changes where the call says it sits. */
function onConference(state: CallState, conferenceId: string | null, ctx: StepContext): Step {
  if (!isAlive(state)) return { ok: true, state, effects: [] };
  const draft = draftOf(state, ctx);
  patch(draft, { conferenceId, conferenceOnAnswer: null });
  return finish(draft);
}

function onPeer(state: CallState, signal: PeerSignal, ctx: StepContext): Step {
  if (!isAlive(state)) return { ok: true, state, effects: [] };
  const draft = draftOf(state, ctx);
  if (signal.name === 'bridged') bridged(draft, signal.peerId, signal.parkAfterUnbridge);
  else peerHungUp(draft, signal.peerId);
  return finish(draft);
}

import { patch, type Draft } from './call-draft.js';
import type { Command, CommandName, Refusal } from './call-input.js';
import {
  dequeue,
  enqueue,
  saveRecording,
  startFork,
  startRecording,
  startStreaming,
  stopFork,
  stopStreaming,
} from './feature-transitions.js';
import { endGather, startGather } from './gather-transitions.js';
import { answered, appHangup, bridged, endCall } from './lifecycle-transitions.js';
import { queueMedia, stopMedia } from './media-transitions.js';
import type { ExtendedCommand } from './extended-command.js';
import { EXTENDED_NAMES, runExtended } from './extended-commands.js';

/** Commands that only make sense once audio flows (Telnyx answers them with 90034 before). */
const NEEDS_ANSWER: ReadonlySet<CommandName> = new Set<CommandName>([
  'speak',
  'playback_start',
  'playback_stop',
  'gather',
  'gather_stop',
  'record_start',
  'record_stop',
  'fork_start',
  'fork_stop',
  'enqueue',
  'leave_queue',
  'transcription_start',
  'transcription_stop',
  'streaming_start',
  'streaming_stop',
  'send_dtmf',
  'bridge',
]);

/** Runs one validated command on a live call; returns why it was refused, or null. */
export function runCommand(draft: Draft, command: Command): Refusal | null {
  if (isExtended(command)) return runExtended(draft, command);
  if (NEEDS_ANSWER.has(command.name) && draft.state.phase !== 'answered') return 'not_answered';
  const refusal = precondition(draft, command);
  if (refusal !== null) return refusal;
  apply(draft, command);
  return null;
}

function precondition(draft: Draft, command: Command): Refusal | null {
  const state = draft.state;
  if (command.name === 'answer' && state.phase !== 'parked') return 'not_parked';
  if (command.name === 'fork_stop' && !state.forking) return 'not_forked';
  if (command.name === 'transcription_start' && state.transcribing) return 'transcribing';
  if (command.name === 'enqueue' && state.queue !== null) return 'already_queued';
  if (command.name === 'enqueue' && command.queueSize >= command.maxSize) return 'queue_full';
  if (command.name === 'bridge' && command.peer.phase === 'ended') return 'call_ended';
  if (command.name === 'bridge' && command.peer.phase !== 'answered') return 'not_answered';
  return null;
}

function apply(draft: Draft, command: Command): void {
  switch (command.name) {
    case 'answer':
      answer(draft, command);
      return;
    case 'hangup':
      appHangup(draft);
      return;
    case 'reject':
      endCall(draft, command.cause === 'USER_BUSY' ? 'user_busy' : 'call_rejected', 'app');
      return;
    case 'speak':
    case 'playback_start':
      queueMedia(draft, command.item);
      return;
    case 'playback_stop':
      stopMedia(draft, command.stop);
      return;
    case 'gather':
      startGather(draft, command.gather);
      return;
    case 'gather_stop':
      endGather(draft, 'cancelled');
      return;
    default:
      applyFeature(draft, command);
      return;
  }
}

function applyFeature(draft: Draft, command: Command): void {
  switch (command.name) {
    case 'record_start':
      startRecording(draft, command.recording);
      return;
    case 'record_stop':
      saveRecording(draft);
      return;
    case 'fork_start':
      startFork(draft);
      return;
    case 'fork_stop':
      stopFork(draft);
      return;
    case 'enqueue':
      enqueue(draft, command.queue, command.queueSize + 1, command.maxWaitMs, command.avgWaitSecs);
      return;
    case 'leave_queue':
      dequeue(draft, 'leave');
      return;
    default:
      applyOther(draft, command);
      return;
  }
}

function applyOther(draft: Draft, command: Command): void {
  switch (command.name) {
    case 'transcription_start':
      patch(draft, { transcribing: true });
      return;
    case 'transcription_stop':
      patch(draft, { transcribing: false });
      return;
    case 'streaming_start':
      startStreaming(draft, command.stream);
      return;
    case 'streaming_stop':
      stopStreaming(draft);
      return;
    case 'bridge':
      bridge(draft, command.peer.id, command.parkAfterUnbridge);
      return;
    case 'transfer':
      draft.effects.push({
        type: 'transfer',
        to: command.to,
        from: command.from,
        timeoutSecs: command.timeoutSecs,
        clientState: command.targetClientState,
      });
      return;
    case 'send_dtmf':
    case 'client_state_update':
      // These change nothing beyond the common parameters.
      return;
    default:
      // Extended commands were run by runExtended before this switch.
      return;
  }
}

function isExtended(command: Command): command is ExtendedCommand {
  return EXTENDED_NAMES.has(command.name);
}

/** Answer applies only to a parked incoming call (anything else was refused above). */
function answer(draft: Draft, command: Extract<Command, { name: 'answer' }>): void {
  if (draft.state.phase !== 'parked') return;
  patch(draft, { recordOnAnswer: command.recordOnAnswer, streamOnAnswer: command.stream });
  answered(draft);
}

function bridge(draft: Draft, peerId: string, parkAfterUnbridge: boolean): void {
  bridged(draft, peerId, parkAfterUnbridge);
  draft.effects.push({
    type: 'signal',
    callId: peerId,
    signal: { name: 'bridged', peerId: draft.state.id, parkAfterUnbridge: false },
  });
}

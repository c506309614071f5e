import type {
  CallState,
  CallTimer,
  GatherState,
  MediaItem,
  RecordingState,
  Routing,
} from './call-state.js';
import type { StreamRequest } from './stream-request.js';
import type { ExtendedCommand } from './extended-command.js';

/** Settings every command may carry; applied before the command itself. */
export interface CommonParams {
  readonly clientState: string | null;
  readonly commandId: string | null;
  /** The webhook fields the command set; merged over the call's routing. */
  readonly routing: Partial<Routing> | null;
}

/** A command from the application, already validated and defaulted. */
export type Command =
  | {
      readonly name: 'answer';
      readonly recordOnAnswer: RecordingState | null;
      readonly stream: StreamRequest | null;
    }
  | { readonly name: 'hangup' }
  | { readonly name: 'reject'; readonly cause: 'CALL_REJECTED' | 'USER_BUSY' }
  | { readonly name: 'speak'; readonly item: MediaItem }
  | { readonly name: 'playback_start'; readonly item: MediaItem }
  | { readonly name: 'playback_stop'; readonly stop: 'current' | 'all' }
  | { readonly name: 'gather'; readonly gather: GatherState }
  | { readonly name: 'gather_stop' }
  | { readonly name: 'record_start'; readonly recording: RecordingState }
  | { readonly name: 'record_stop' }
  | { readonly name: 'fork_start' }
  | { readonly name: 'fork_stop' }
  | {
      readonly name: 'enqueue';
      readonly queue: string;
      readonly maxSize: number;
      readonly queueSize: number;
      readonly maxWaitMs: number | null;
      /** The queue's average wait so far, for `call.enqueued`. */
      readonly avgWaitSecs?: number;
    }
  | { readonly name: 'leave_queue' }
  | { readonly name: 'transcription_start' }
  | { readonly name: 'transcription_stop' }
  | { readonly name: 'streaming_start'; readonly stream: StreamRequest }
  | { readonly name: 'streaming_stop' }
  | { readonly name: 'send_dtmf' }
  | { readonly name: 'client_state_update' }
  | { readonly name: 'bridge'; readonly peer: CallState; readonly parkAfterUnbridge: boolean }
  | {
      readonly name: 'transfer';
      readonly to: string;
      readonly from: string;
      readonly timeoutSecs: number;
      readonly targetClientState: string | null;
    }
  | ExtendedCommand;

export type CommandName = Command['name'];

/** What the remote party does (`/switchboard/simulate/calls/{id}/actions/*`). */
export type FarEndAction =
  | { readonly name: 'answer' }
  | { readonly name: 'hangup' }
  | { readonly name: 'dtmf'; readonly digits: string }
  | { readonly name: 'hold' }
  | { readonly name: 'unhold' }
  | { readonly name: 'speech'; readonly text: string };

/** Something another call tells this one (bridges, transfers, hangups). */
export type PeerSignal =
  | { readonly name: 'bridged'; readonly peerId: string; readonly parkAfterUnbridge: boolean }
  | { readonly name: 'peer_hangup'; readonly peerId: string };

export type CallInput =
  | { readonly type: 'command'; readonly command: Command; readonly common: CommonParams }
  | { readonly type: 'far_end'; readonly action: FarEndAction }
  | { readonly type: 'timer'; readonly timer: CallTimer }
  | { readonly type: 'peer'; readonly signal: PeerSignal }
  | { readonly type: 'media'; readonly event: MediaEvent }
  /** A conference seated the call (or let it go: null). */
  | { readonly type: 'conference'; readonly conferenceId: string | null };

/** What the audio side reports back about a call's media stream. */
export type MediaEvent = {
  readonly name: 'stream_failed';
  readonly streamId: string;
  readonly reason: string;
};

/** A side effect the engine carries out after a transition is stored. */
export type Effect =
  | {
      readonly type: 'emit';
      readonly eventType: string;
      readonly payload: Readonly<Record<string, unknown>>;
    }
  | { readonly type: 'schedule'; readonly timer: CallTimer }
  | { readonly type: 'signal'; readonly callId: string; readonly signal: PeerSignal }
  | {
      readonly type: 'transfer';
      readonly to: string;
      readonly from: string;
      readonly timeoutSecs: number;
      readonly clientState: string | null;
    };

/** Why a command was refused; mapped to a 422 at the HTTP edge. */
export type Refusal =
  | 'call_ended'
  | 'not_answered'
  | 'not_forked'
  | 'queue_full'
  | 'already_queued'
  | 'transcribing'
  | 'ai_active'
  | 'not_parked'
  | 'no_conversation';

export type Step =
  | { readonly ok: true; readonly state: CallState; readonly effects: readonly Effect[] }
  | { readonly ok: false; readonly refusal: Refusal };

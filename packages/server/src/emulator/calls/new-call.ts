import type { StreamRequest } from './stream-request.js';
import { draftOf, finish, type StepContext } from './call-draft.js';
import type { Step } from './call-input.js';
import {
  DEFAULT_ROUTING,
  type AmdMode,
  type CallState,
  type RecordingState,
  type Routing,
} from './call-state.js';
import { initiate } from './lifecycle-transitions.js';
import { farEndFor } from './test-numbers.js';
import type { ConferenceConfig } from './call-extras.js';

export interface NewCall {
  readonly id: string;
  readonly accountId: string;
  readonly legId: string;
  readonly sessionId: string;
  readonly connectionId: string;
  readonly from: string;
  readonly to: string;
  readonly direction: 'incoming' | 'outgoing';
  readonly clientState: string | null;
  readonly routing: Partial<Routing> | null;
  readonly amd: AmdMode;
  /** Null for incoming calls, which wait for the app without a dial timeout. */
  readonly timeoutSecs: number | null;
  readonly timeLimitSecs: number;
  readonly recordOnAnswer: RecordingState | null;
  readonly streamOnAnswer: StreamRequest | null;
  readonly transferOf: string | null;
  readonly commandId: string | null;
  /** Dial's `conference_config`: the conference to join once answered. */
  readonly conferenceOnAnswer?: ConferenceConfig | null;
}

/** A call's birth: its first state, `call.initiated`, and its ring/timeout/limit timers. */
export function createCall(call: NewCall, ctx: StepContext): Step {
  const outgoing = call.direction === 'outgoing';
  const state: CallState = {
    ...call,
    phase: outgoing ? 'dialing' : 'parked',
    farEnd: outgoing ? farEndFor(call.to) : 'human',
    routing: { ...DEFAULT_ROUTING, ...call.routing },
    startedAt: ctx.now,
    answeredAt: null,
    endedAt: null,
    media: [],
    gather: null,
    recording: null,
    forking: false,
    transcribing: false,
    stream: null,
    queue: null,
    bridgedWith: null,
    parkAfterUnbridge: false,
    timers: [],
    commandIds: call.commandId === null ? {} : { [call.commandId]: ctx.now },
    timerSeq: 0,
  };
  const draft = draftOf(withoutExtras(state), ctx);
  const timeoutMs = call.timeoutSecs === null ? null : call.timeoutSecs * 1000;
  initiate(draft, timeoutMs, call.timeLimitSecs * 1000);
  return finish(draft);
}

/** `NewCall` has fields the stored state does not keep. */
function withoutExtras(
  state: CallState & { timeoutSecs?: unknown; timeLimitSecs?: unknown; commandId?: unknown },
): CallState {
  const rest = { ...state };
  delete rest.timeoutSecs;
  delete rest.timeLimitSecs;
  delete rest.commandId;
  return rest;
}

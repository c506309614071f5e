import { ApiError } from '../../support/errors/api-error.js';
import { InvalidCallControlIdError, CallStateError } from '../calls/call-errors.js';
import { uuidFrom } from '../calls/call-ids.js';
import type { CallRuntime } from '../calls/call-runtime.js';
import type { CallState } from '../calls/call-state.js';
import type { EmulatorDeps } from '../emulator-deps.js';
import type { CallCommander } from '../queues/queue-engine.js';
import type { RecordingBook } from '../recordings/recording-book.js';
import { COMMAND_ID_WINDOW_MS } from '../calls/call-machine.js';
import { KeyedSerial } from '../keyed-serial.js';
import { ConferenceCore } from './conference-core.js';
import { RecentIds } from './recent-ids.js';
import { ConferenceStateError } from './conference-errors.js';
import type { CreateRequest, JoinRequest } from './conference-requests.js';
import { activeParticipants, type ConferenceState } from './conference-state.js';
import { DEFAULT_JOIN, type JoinOptions } from './join-options.js';
import { created, seat, unseat } from './seat-transitions.js';

/** Conferences expire four hours after creation at the latest (the spec's ListConferences). */
const LIFETIME_MS = 4 * 60 * 60 * 1000;

/**
 * Conferences: create from a call, seat and unseat calls, and follow participant calls (a
 * hangup is a leave; Dial's `conference_config` joins on answer). Other code (TeXML's
 * `<Dial><Conference>`) calls {@link ConferenceEngine.join}; the HTTP actions live in
 * `conference-actions.ts`.
 */
export class ConferenceEngine {
  readonly core: ConferenceCore;
  /** Conference actions' `command_id`s of the last 60 s. */
  readonly commandIds: RecentIds;
  /**
   * Creating by name is a check then a write, each awaiting the store: two calls dialling the
   * same new room at once would both find none and open two (or one would fail as name_taken).
   */
  readonly #names = new KeyedSerial();

  constructor(
    deps: EmulatorDeps,
    runtime: CallRuntime,
    command: CallCommander,
    recordings: RecordingBook,
  ) {
    this.core = new ConferenceCore(deps, runtime, command, recordings);
    this.commandIds = new RecentIds(() => deps.now(), COMMAND_ID_WINDOW_MS);
    runtime.follow((before, after) => this.#follow(before, after));
  }

  /**
   * Seats `callId` in the account's live conference called `name`, creating it (with this
   * call as its creator) when there is none.
   */
  async join(
    accountId: string,
    callId: string,
    name: string,
    options: Partial<JoinOptions> = {},
  ): Promise<ConferenceState> {
    return this.#byName(accountId, name, async () => {
      const existing = await this.#liveNamed(accountId, name);
      if (existing !== null) return this.seat(accountId, existing.id, callId, options);
      return this.#create(
        accountId,
        {
          callId,
          name,
          clientState: null,
          beep: 'never',
          startOnCreate: true,
          maxParticipants: 250,
          durationMs: null,
          region: 'US',
        },
        options,
      );
    });
  }

  /** `POST /v2/conferences`. */
  async create(accountId: string, request: CreateRequest): Promise<ConferenceState> {
    if (request.clientState !== null)
      await this.core.command(accountId, request.callId, 'client_state_update', {
        client_state: request.clientState,
      });
    return this.#byName(accountId, request.name, () => this.#create(accountId, request, {}));
  }

  /** `POST /v2/conferences/{id}/actions/join`. */
  async joinById(accountId: string, id: string, request: JoinRequest): Promise<ConferenceState> {
    await this.core.get(accountId, id);
    if (request.clientState !== null)
      await this.core.command(accountId, request.callId, 'client_state_update', {
        client_state: request.clientState,
      });
    return this.seat(accountId, id, request.callId, request.options);
  }

  /** Seats a live, answered call; a call sitting elsewhere leaves that conference first. */
  async seat(
    accountId: string,
    id: string,
    callId: string,
    options: Partial<JoinOptions>,
  ): Promise<ConferenceState> {
    const call = await this.#seatableCall(accountId, callId);
    const current = call.conferenceId ?? null;
    if (current !== null && current !== id) await this.leave(accountId, current, callId);
    return this.core.change(accountId, id, (draft) => {
      const active = activeParticipants(draft.state);
      if (active.some((p) => p.callId === callId)) return;
      if (active.length >= draft.state.maxParticipants)
        throw new ConferenceStateError('full', draft.state.maxParticipants);
      seat(draft, {
        id: uuidFrom(() => this.core.deps.random()),
        callId,
        callLegId: call.legId,
        options: { ...DEFAULT_JOIN, ...options },
      });
    });
  }

  /** `leave`: the call stays up, out of the conference (422 90015 if it is not in it). */
  leave(accountId: string, id: string, callId: string): Promise<ConferenceState> {
    return this.core.change(accountId, id, (draft) => {
      if (!activeParticipants(draft.state).some((p) => p.callId === callId))
        throw new ConferenceStateError('not_participant');
      unseat(draft, callId, false);
    });
  }

  async #create(
    accountId: string,
    request: CreateRequest,
    options: Partial<JoinOptions>,
  ): Promise<ConferenceState> {
    const call = await this.#seatableCall(accountId, request.callId);
    if ((await this.#liveNamed(accountId, request.name)) !== null)
      throw new ConferenceStateError('name_taken');
    const now = this.core.deps.now();
    const state = newConference(accountId, request, call, {
      id: uuidFrom(() => this.core.deps.random()),
      now,
    });
    await this.core.start(state, (draft) => {
      created(draft, request.durationMs);
    });
    return this.seat(accountId, state.id, call.id, options);
  }

  #byName<T>(accountId: string, name: string, task: () => Promise<T>): Promise<T> {
    return this.#names.run(`${accountId}\u0000${name}`, task);
  }

  async #liveNamed(accountId: string, name: string): Promise<ConferenceState | null> {
    const all = await this.core.list(accountId);
    return all.find((c) => c.name === name && c.status !== 'completed') ?? null;
  }

  async #seatableCall(accountId: string, callId: string): Promise<CallState> {
    const call = await this.core.runtime.find(accountId, callId);
    if (call === null) throw new InvalidCallControlIdError();
    if (call.phase === 'ended') throw new CallStateError('call_ended');
    if (call.phase !== 'answered') throw new CallStateError('not_answered');
    return call;
  }

  /** A participant's hangup is its leave; Dial's `conference_config` joins once answered. */
  async #follow(before: CallState | null, after: CallState): Promise<void> {
    const conferenceId = after.conferenceId ?? null;
    if (after.phase === 'ended' && before?.phase !== 'ended' && conferenceId !== null) {
      await this.core
        .change(after.accountId, conferenceId, (draft) => {
          unseat(draft, after.id, true);
        })
        .catch((error: unknown) => {
          if (!(error instanceof ConferenceStateError)) throw error;
        });
      return;
    }
    const config = after.conferenceOnAnswer ?? null;
    if (config === null || after.phase !== 'answered' || before?.phase === 'answered') return;
    // A conference that cannot take the call (gone, ended, full) leaves it answered outside:
    // the answer itself, which the far end or a timer caused, did not fail.
    const joining =
      config.id === null
        ? this.join(after.accountId, after.id, config.name ?? '', config.options)
        : this.seat(after.accountId, config.id, after.id, config.options);
    await joining.catch((error: unknown) => {
      if (!(error instanceof ApiError)) throw error;
    });
  }
}

function newConference(
  accountId: string,
  request: CreateRequest,
  creator: CallState,
  fresh: { readonly id: string; readonly now: number },
): ConferenceState {
  const lifetime = Math.min(request.durationMs ?? LIFETIME_MS, LIFETIME_MS);
  return {
    id: fresh.id,
    accountId,
    name: request.name,
    connectionId: creator.connectionId,
    creatorCallId: creator.id,
    creatorSessionId: creator.sessionId,
    region: request.region,
    status: request.startOnCreate ? 'in_progress' : 'init',
    maxParticipants: request.maxParticipants,
    beep: request.beep,
    createdAt: fresh.now,
    updatedAt: fresh.now,
    expiresAt: fresh.now + lifetime,
    endReason: null,
    endedBy: null,
    participants: [],
    media: [],
    recording: null,
    timers: [],
    timerSeq: 0,
  };
}

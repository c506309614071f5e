import { KeyedSerial } from '../keyed-serial.js';
import type { EmulatorDeps } from '../emulator-deps.js';
import { basePayload, isoTime } from '../calls/call-draft.js';
import { emitInputFor } from '../calls/call-emit-input.js';
import type { CallRuntime } from '../calls/call-runtime.js';
import { recordingUrls } from '../calls/feature-transitions.js';
import type { CallCommander } from '../queues/queue-engine.js';
import type { RecordingBook } from '../recordings/recording-book.js';
import {
  conferenceDraft,
  type ConferenceDraft,
  type ConferenceEffect,
  type SavedConferenceRecording,
} from './conference-draft.js';
import { ConferenceNotFoundError, ConferenceStateError } from './conference-errors.js';
import {
  decodeConference,
  type ConferenceState,
  type ConferenceTimer,
} from './conference-state.js';
import { conferenceMediaEnded } from './media-transitions.js';
import { endConference } from './seat-transitions.js';

export const CONFERENCE_KIND = 'conference';

/** A transition to run on a conference; it may refuse by throwing a ConferenceStateError. */
export type ConferenceChange = (draft: ConferenceDraft) => void;

/**
 * Runs conferences: serialises changes per conference, stores each new state, then publishes
 * its webhooks (routed like the calls they concern), arms its timers on the calls' wheel, and
 * finally tells calls to sit down, stand up or hang up (outside the conference's lock, since
 * those calls report back here).
 */
export class ConferenceCore {
  readonly #deps: EmulatorDeps;
  readonly #runtime: CallRuntime;
  readonly #command: CallCommander;
  readonly #recordings: RecordingBook;
  readonly #serial = new KeyedSerial();

  constructor(
    deps: EmulatorDeps,
    runtime: CallRuntime,
    command: CallCommander,
    recordings: RecordingBook,
  ) {
    this.#deps = deps;
    this.#runtime = runtime;
    this.#command = command;
    this.#recordings = recordings;
  }

  get deps(): EmulatorDeps {
    return this.#deps;
  }

  get runtime(): CallRuntime {
    return this.#runtime;
  }

  get command(): CallCommander {
    return this.#command;
  }

  async find(accountId: string, id: string): Promise<ConferenceState | null> {
    const row = await this.#deps.store.getResource(accountId, CONFERENCE_KIND, id);
    return row === null ? null : decodeConference(row.data);
  }

  async get(accountId: string, id: string): Promise<ConferenceState> {
    const state = await this.find(accountId, id);
    if (state === null) throw new ConferenceNotFoundError();
    return state;
  }

  async list(accountId: string): Promise<ConferenceState[]> {
    const rows = await this.#deps.store.listResources(accountId, CONFERENCE_KIND);
    return rows.map((row) => decodeConference(row.data));
  }

  /** Stores and acts on a new conference's first step. */
  async start(state: ConferenceState, change: ConferenceChange): Promise<ConferenceState> {
    return this.#run(state.accountId, state.id, () => Promise.resolve(state), change);
  }

  /** Changes a live conference (90019 once it has ended). */
  change(accountId: string, id: string, change: ConferenceChange): Promise<ConferenceState> {
    return this.#run(
      accountId,
      id,
      async () => {
        const state = await this.get(accountId, id);
        if (state.status === 'completed') throw new ConferenceStateError('ended');
        return state;
      },
      change,
    );
  }

  /** Re-arms the timers of every conference still running (after a restart). */
  async restore(): Promise<void> {
    for (const account of await this.#deps.store.listAccounts())
      for (const state of await this.list(account.id))
        if (state.status !== 'completed') for (const timer of state.timers) this.#arm(state, timer);
  }

  async #run(
    accountId: string,
    id: string,
    load: () => Promise<ConferenceState>,
    change: ConferenceChange,
  ): Promise<ConferenceState> {
    const draft = await this.#serial.run(id, async () => {
      const next = conferenceDraft(await load(), this.#deps.now());
      change(next);
      await this.#persist(next.state);
      for (const effect of next.effects) await this.#effectInLock(next.state, effect);
      return next;
    });
    for (const effect of draft.effects) await this.#effectAfter(accountId, effect);
    return draft.state;
  }

  #persist(state: ConferenceState): Promise<void> {
    return this.#deps.store.putResource({
      accountId: state.accountId,
      kind: CONFERENCE_KIND,
      id: state.id,
      data: state,
      createdAt: state.createdAt,
      updatedAt: state.updatedAt,
    });
  }

  async #effectInLock(state: ConferenceState, effect: ConferenceEffect): Promise<void> {
    if (effect.type === 'emit') await this.#emit(state, effect);
    else if (effect.type === 'schedule') {
      const timer = state.timers.find((pending) => pending.id === effect.id);
      if (timer !== undefined) this.#arm(state, timer);
    } else if (effect.type === 'recording_saved')
      await this.#saveRecording(state, effect.recording);
  }

  async #effectAfter(accountId: string, effect: ConferenceEffect): Promise<void> {
    if (effect.type === 'seat')
      await this.#runtime.apply(accountId, effect.callId, {
        type: 'conference',
        conferenceId: effect.conferenceId,
      });
    else if (effect.type === 'hangup') {
      const call = await this.#runtime.find(accountId, effect.callId);
      if (call !== null && call.phase !== 'ended')
        await this.#command(accountId, effect.callId, 'hangup', {});
    }
  }

  #arm(state: ConferenceState, timer: ConferenceTimer): void {
    this.#runtime.at(timer.at, async () => {
      await this.#run(
        state.accountId,
        state.id,
        () => this.get(state.accountId, state.id),
        (draft) => {
          fire(draft, timer);
        },
      );
    });
  }

  /**
   * Participant events carry the call's ids and client_state plus `conference_id`; conference
   * wide ones carry the conference's and its creator's session. Both go where the call's (or
   * the creator's) webhooks go.
   */
  async #emit(
    state: ConferenceState,
    effect: Extract<ConferenceEffect, { type: 'emit' }>,
  ): Promise<void> {
    const now = this.#deps.now();
    const call = await this.#runtime.find(state.accountId, effect.about ?? state.creatorCallId);
    if (call === null) return;
    const common = { conference_id: state.id, occurred_at: isoTime(now), ...effect.extra };
    const payload =
      effect.about === null
        ? {
            connection_id: state.connectionId,
            creator_call_session_id: state.creatorSessionId,
            ...common,
          }
        : { ...basePayload(call), ...common };
    await this.#deps.emit(emitInputFor(call, effect.eventType, payload, now));
  }

  /** `conference.recording.saved` (about the creator's leg) and a `/v2/recordings` resource. */
  async #saveRecording(state: ConferenceState, saved: SavedConferenceRecording): Promise<void> {
    const urls = recordingUrls(this.#deps.baseUrl, saved);
    await this.#recordings.save(state.accountId, {
      id: saved.id,
      source: 'conference',
      callControlId: null,
      callLegId: null,
      callSessionId: state.creatorSessionId,
      conferenceId: state.id,
      connectionId: state.connectionId,
      from: null,
      to: null,
      channels: saved.channels,
      format: saved.format,
      url: urls.mp3 ?? urls.wav ?? '',
      startedAt: saved.startedAt,
      endedAt: saved.endedAt,
      durationMs: saved.durationMs,
    });
    await this.#emit(state, {
      type: 'emit',
      eventType: 'conference.recording.saved',
      about: state.creatorCallId,
      extra: {
        recording_id: saved.id,
        channels: saved.channels,
        format: saved.format,
        recording_started_at: isoTime(saved.startedAt),
        recording_ended_at: isoTime(saved.endedAt),
        recording_urls: urls,
        public_recording_urls: urls,
      },
    });
  }
}

function fire(draft: ConferenceDraft, timer: ConferenceTimer): void {
  if (!draft.state.timers.some((pending) => pending.id === timer.id)) return;
  draft.state = { ...draft.state, timers: draft.state.timers.filter((t) => t.id !== timer.id) };
  if (timer.kind === 'media_end') conferenceMediaEnded(draft);
  else endConference(draft, 'time_exceeded', draft.state.creatorCallId, true);
}

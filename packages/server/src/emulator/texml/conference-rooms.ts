import { ApiError } from '../../support/errors/api-error.js';
import type { ConferenceEngine } from '../conferences/conference-engine.js';
import { activeParticipants, type ConferenceState } from '../conferences/conference-state.js';
import { endConference } from '../conferences/seat-transitions.js';
import type { DialNoun } from './texml-verbs.js';

type ConferenceNoun = Extract<DialNoun, { noun: 'Conference' }>;

/**
 * `<Dial><Conference>` on Call Control's conferences: a TeXML conference is the same
 * conference `GET /v2/conferences` lists, named per account, and ends as Call Control's do (the
 * last participant leaves, or one with `endConferenceOnExit`). No audio is mixed.
 */
export class TexmlConferences {
  readonly #engine: ConferenceEngine;

  constructor(engine: ConferenceEngine) {
    this.#engine = engine;
  }

  /** Seats the call in the account's live conference of that name, or opens one; null when full. */
  async join(
    accountId: string,
    callSid: string,
    noun: ConferenceNoun,
  ): Promise<ConferenceState | null> {
    const live = (await this.list(accountId)).find(
      (state) => state.name === noun.name && state.status !== 'completed',
    );
    if (live !== undefined && activeParticipants(live).length >= noun.maxParticipants) return null;
    try {
      return await this.#engine.join(accountId, callSid, noun.name, {
        muted: noun.muted,
        startOnEnter: noun.startConferenceOnEnter,
        endOnExit: noun.endConferenceOnExit,
      });
    } catch (error) {
      // Full, or the call is no longer up: the Dial fails as a full room's does.
      if (error instanceof ApiError) return null;
      throw error;
    }
  }

  /** Takes the call out (a Dial cut short); nothing when it already left. */
  async leave(accountId: string, id: string, callSid: string): Promise<void> {
    try {
      await this.#engine.leave(accountId, id, callSid);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
    }
  }

  list(accountId: string): Promise<ConferenceState[]> {
    return this.#engine.core.list(accountId);
  }

  find(accountId: string, id: string): Promise<ConferenceState | null> {
    return this.#engine.core.find(accountId, id);
  }

  /**
   * REST `Status=completed`: every participant leaves and the conference ends; their calls stay
   * up and go on after their `<Dial>`, as TeXML's do (Call Control's `end` hangs them up).
   */
  async end(accountId: string, id: string): Promise<ConferenceState> {
    return this.#engine.core.change(accountId, id, (draft) => {
      endConference(draft, 'ended_via_api', draft.state.creatorCallId, false);
    });
  }
}

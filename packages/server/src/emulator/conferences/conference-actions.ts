import { NotFoundError } from '../../errors/api-error.js';
import { BodyReader } from '../calls/body-reader.js';
import { uuidFrom } from '../calls/call-ids.js';
import type { ConferenceDraft } from './conference-draft.js';
import type { ConferenceEngine } from './conference-engine.js';
import { ConferenceStateError } from './conference-errors.js';
import {
  readCallId,
  readDtmf,
  readPlay,
  readRecordStart,
  readSpeak,
  readTargets,
  readUpdate,
} from './conference-requests.js';
import { activeParticipants } from './conference-state.js';
import type { JoinOptions } from './join-options.js';
import { queueConferenceMedia, stopConferenceMedia } from './media-transitions.js';
import {
  pauseConferenceRecording,
  resumeConferenceRecording,
  saveConferenceRecording,
  startConferenceRecording,
} from './recording-transitions.js';
import { changeParticipants, endConference } from './seat-transitions.js';

type Action = (
  engine: ConferenceEngine,
  accountId: string,
  id: string,
  body: unknown,
) => Promise<unknown>;

/** Flag changes on a list of participants (all of them when the list is absent or empty). */
const flags =
  (change: Partial<JoinOptions>, required = false): Action =>
  (engine, accountId, id, body) => {
    const targets = readTargets(body, required);
    return engine.core.change(accountId, id, (draft) => {
      requireParticipants(draft, targets);
      changeParticipants(draft, targets, change);
    });
  };

const onDraft =
  (run: (draft: ConferenceDraft) => void, read: (body: unknown) => void = ignoreBody): Action =>
  (engine, accountId, id, body) => {
    read(body);
    return engine.core.change(accountId, id, run);
  };

/** `POST /v2/conferences/{id}/actions/{action}`, every action of the spec. */
export const CONFERENCE_ACTIONS: Readonly<Record<string, Action>> = {
  join: (engine, accountId, id, body) => engine.joinById(accountId, id, body),
  leave: (engine, accountId, id, body) => engine.leave(accountId, id, readCallId(body)),
  mute: flags({ muted: true }),
  unmute: flags({ muted: false }),
  hold: flags({ hold: true }),
  unhold: flags({ hold: false }, true),
  speak: (engine, accountId, id, body) => {
    const item = readSpeak(body, engine.core.runtime.timings);
    return engine.core.change(accountId, id, (draft) => {
      requireParticipants(draft, item.targets);
      queueConferenceMedia(draft, item);
    });
  },
  play: (engine, accountId, id, body) => {
    const item = readPlay(body, engine.core.runtime.timings);
    return engine.core.change(accountId, id, (draft) => {
      requireParticipants(draft, item.targets);
      queueConferenceMedia(draft, item);
    });
  },
  stop: onDraft(stopConferenceMedia, (body) => readTargets(body)),
  record_start: (engine, accountId, id, body) => {
    const settings = readRecordStart(body);
    const recordingId = uuidFrom(() => engine.core.deps.random());
    return engine.core.change(accountId, id, (draft) => {
      startConferenceRecording(draft, { id: recordingId, ...settings });
    });
  },
  record_stop: onDraft(saveConferenceRecording),
  record_pause: onDraft(pauseConferenceRecording),
  record_resume: onDraft(resumeConferenceRecording),
  send_dtmf: (engine, accountId, id, body) => {
    const targets = readDtmf(body);
    return engine.core.change(accountId, id, (draft) => {
      requireParticipants(draft, targets);
    });
  },
  gather_using_audio: async (engine, accountId, id, body) => {
    const reader = new BodyReader(body);
    const callId = reader.string('call_control_id', { required: true }) ?? '';
    reader.done();
    await engine.core.change(accountId, id, (draft) => {
      requireParticipants(draft, [callId]);
    });
    // The participant is the path of the call command; the rest is a call gather's body.
    const gather = Object.fromEntries(
      Object.entries(reader.body).filter(([name]) => name !== 'call_control_id'),
    );
    return engine.core.command(accountId, callId, 'gather_using_audio', gather);
  },
  update: (engine, accountId, id, body) => {
    const { callId, change } = readUpdate(body);
    return engine.core.change(accountId, id, (draft) => {
      requireParticipants(draft, [callId]);
      changeParticipants(draft, [callId], change);
    });
  },
  end: onDraft((draft) => {
    endConference(draft, 'ended_via_api', draft.state.creatorCallId, true);
  }),
};

export async function runConferenceAction(
  engine: ConferenceEngine,
  accountId: string,
  id: string,
  action: string,
  body: unknown,
): Promise<void> {
  // The action is a path segment: `constructor` or `__proto__` must be unknown, not inherited.
  const run = Object.hasOwn(CONFERENCE_ACTIONS, action) ? CONFERENCE_ACTIONS[action] : undefined;
  if (run === undefined) throw new NotFoundError();
  await engine.core.get(accountId, id);
  const commandId = new BodyReader(body).string('command_id');
  if (commandId !== null && engine.commandIds.seen(`${id}:${commandId}`)) return;
  await run(engine, accountId, id, body);
  if (commandId !== null) engine.commandIds.remember(`${id}:${commandId}`);
}

function ignoreBody(): void {
  // Bodies of these actions carry only command_id and region, which change nothing here.
}

/** Every named call must sit in the conference (422 90015 otherwise). */
function requireParticipants(draft: ConferenceDraft, callIds: readonly string[] | null): void {
  if (callIds === null) return;
  const seated = new Set(activeParticipants(draft.state).map((p) => p.callId));
  if (callIds.some((callId) => !seated.has(callId)))
    throw new ConferenceStateError('not_participant');
}

import { ErrorEnvelope } from '@switchboard/core/contract';
import type { FastifyRequest } from 'fastify';
import type { Static, TSchema } from 'typebox';
import type { TypedApp } from '../../http/typed-app.js';
import { uuidFrom } from '../calls/call-ids.js';
import type { EmulatorDeps } from '../emulator-deps.js';
import {
  ConferenceCommand,
  ConferenceCommandResponse,
  ConferenceDtmf,
  ConferenceGather,
  ConferenceIdParams,
  ConferencePlay,
  ConferenceRecordStart,
  ConferenceSpeak,
  ConferenceTargets,
  ConferenceUnhold,
  ConferenceUpdate,
  JoinConference,
  LeaveConference,
} from './conference-contract.js';
import type { ConferenceDraft } from './conference-draft.js';
import type { ConferenceEngine } from './conference-engine.js';
import { ConferenceStateError } from './conference-errors.js';
import { joinRequestOf, playOf, speakOf, targetsOf } from './conference-requests.js';
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

/** What an action does with its declared body, on the conference `id`. */
type Run<S extends TSchema> = (
  engine: ConferenceEngine,
  accountId: string,
  id: string,
  body: Static<S>,
) => Promise<unknown>;

interface Action<S extends TSchema> {
  readonly summary: string;
  readonly body: S;
  readonly run: Run<S>;
}

const action = <S extends TSchema>(summary: string, body: S, run: Run<S>): Action<S> => ({
  summary,
  body,
  run,
});

/** Flag changes on the named participants (everyone when none are named). */
const flags =
  (change: Partial<JoinOptions>): Run<typeof ConferenceTargets> =>
  (engine, accountId, id, body) => {
    const targets = targetsOf(body.call_control_ids);
    return engine.core.change(accountId, id, (draft) => {
      requireParticipants(draft, targets);
      changeParticipants(draft, targets, change);
    });
  };

const onDraft =
  <S extends TSchema>(run: (draft: ConferenceDraft) => void): Run<S> =>
  (engine, accountId, id) =>
    engine.core.change(accountId, id, run);

/** The declaration of an action route: path `id`, the action's body, `{ result: "ok" }`. */
function declared<S extends TSchema>({ summary, body }: Action<S>) {
  return {
    schema: {
      summary,
      tags: ['conferences'],
      params: ConferenceIdParams,
      body,
      response: { 200: ConferenceCommandResponse, '4xx': ErrorEnvelope },
    },
  };
}

const OK = { data: { result: 'ok' as const } };

/**
 * Registers `POST /v2/conferences/{id}/actions/{action}`, one declared route per action of the
 * spec. A repeated `command_id` within 60 s is ignored, as Telnyx does.
 */
export function registerConferenceActions(
  app: TypedApp,
  engine: ConferenceEngine,
  deps: EmulatorDeps,
): void {
  /** Runs an action once per `command_id` on a conference of the account. */
  const perform = async (
    request: FastifyRequest,
    id: string,
    body: { readonly command_id?: string },
    run: (accountId: string) => Promise<unknown>,
  ): Promise<typeof OK> => {
    const accountId = deps.accountId(request);
    await engine.core.get(accountId, id);
    const key = body.command_id === undefined ? null : `${id}:${body.command_id}`;
    if (key !== null && engine.commandIds.seen(key)) return OK;
    await run(accountId);
    if (key !== null) engine.commandIds.remember(key);
    return OK;
  };
  const path = (name: string) => `/v2/conferences/:id/actions/${name}`;
  app.post(path('join'), declared(JOIN), (request) =>
    perform(request, request.params.id, request.body, (accountId) =>
      JOIN.run(engine, accountId, request.params.id, request.body),
    ),
  );
  app.post(path('leave'), declared(LEAVE), (request) =>
    perform(request, request.params.id, request.body, (accountId) =>
      LEAVE.run(engine, accountId, request.params.id, request.body),
    ),
  );
  for (const [name, flagAction] of FLAG_ACTIONS)
    app.post(path(name), declared(flagAction), (request) =>
      perform(request, request.params.id, request.body, (accountId) =>
        flagAction.run(engine, accountId, request.params.id, request.body),
      ),
    );
  app.post(path('unhold'), declared(UNHOLD), (request) =>
    perform(request, request.params.id, request.body, (accountId) =>
      UNHOLD.run(engine, accountId, request.params.id, request.body),
    ),
  );
  app.post(path('speak'), declared(SPEAK), (request) =>
    perform(request, request.params.id, request.body, (accountId) =>
      SPEAK.run(engine, accountId, request.params.id, request.body),
    ),
  );
  app.post(path('play'), declared(PLAY), (request) =>
    perform(request, request.params.id, request.body, (accountId) =>
      PLAY.run(engine, accountId, request.params.id, request.body),
    ),
  );
  app.post(path('record_start'), declared(RECORD_START), (request) =>
    perform(request, request.params.id, request.body, (accountId) =>
      RECORD_START.run(engine, accountId, request.params.id, request.body),
    ),
  );
  for (const [name, command] of COMMANDS)
    app.post(path(name), declared(command), (request) =>
      perform(request, request.params.id, request.body, (accountId) =>
        command.run(engine, accountId, request.params.id, request.body),
      ),
    );
  app.post(path('send_dtmf'), declared(SEND_DTMF), (request) =>
    perform(request, request.params.id, request.body, (accountId) =>
      SEND_DTMF.run(engine, accountId, request.params.id, request.body),
    ),
  );
  app.post(path('gather_using_audio'), declared(GATHER), (request) =>
    perform(request, request.params.id, request.body, (accountId) =>
      GATHER.run(engine, accountId, request.params.id, request.body),
    ),
  );
  app.post(path('update'), declared(UPDATE), (request) =>
    perform(request, request.params.id, request.body, (accountId) =>
      UPDATE.run(engine, accountId, request.params.id, request.body),
    ),
  );
}

const JOIN = action('Join a conference', JoinConference, (engine, accountId, id, body) =>
  engine.joinById(accountId, id, joinRequestOf(body)),
);

const LEAVE = action('Leave a conference', LeaveConference, (engine, accountId, id, body) =>
  engine.leave(accountId, id, body.call_control_id),
);

const UNHOLD = action('Unhold participants', ConferenceUnhold, (engine, accountId, id, body) => {
  const targets = [...body.call_control_ids];
  return engine.core.change(accountId, id, (draft) => {
    requireParticipants(draft, targets);
    changeParticipants(draft, targets, { hold: false });
  });
});

const SPEAK = action(
  'Speak text to participants',
  ConferenceSpeak,
  (engine, accountId, id, body) => {
    const item = speakOf(body, engine.core.runtime.timings);
    return engine.core.change(accountId, id, (draft) => {
      requireParticipants(draft, item.targets);
      queueConferenceMedia(draft, item);
    });
  },
);

const PLAY = action('Play audio to participants', ConferencePlay, (engine, accountId, id, body) => {
  const item = playOf(body, engine.core.runtime.timings);
  return engine.core.change(accountId, id, (draft) => {
    requireParticipants(draft, item.targets);
    queueConferenceMedia(draft, item);
  });
});

const RECORD_START = action(
  'Start recording',
  ConferenceRecordStart,
  (engine, accountId, id, body) => {
    const recordingId = uuidFrom(() => engine.core.deps.random());
    const settings = { channels: body.channels ?? 'single', format: body.format };
    return engine.core.change(accountId, id, (draft) => {
      startConferenceRecording(draft, { id: recordingId, ...settings });
    });
  },
);

const SEND_DTMF = action('Send DTMF', ConferenceDtmf, (engine, accountId, id, body) => {
  const targets = targetsOf(body.call_control_ids);
  return engine.core.change(accountId, id, (draft) => {
    requireParticipants(draft, targets);
  });
});

const GATHER = action(
  'Gather DTMF using audio prompt in a conference',
  ConferenceGather,
  async (engine, accountId, id, body) => {
    const { call_control_id: callId, ...gather } = body;
    await engine.core.change(accountId, id, (draft) => {
      requireParticipants(draft, [callId]);
    });
    // The participant is the path of the call command; the rest is a call gather's body.
    return engine.core.command(accountId, callId, 'gather_using_audio', gather);
  },
);

const UPDATE = action('Update a participant', ConferenceUpdate, (engine, accountId, id, body) => {
  const callId = body.call_control_id;
  const change: Partial<JoinOptions> = {
    supervisorRole: body.supervisor_role,
    whisperIds: body.whisper_call_control_ids ?? [],
  };
  return engine.core.change(accountId, id, (draft) => {
    requireParticipants(draft, [callId]);
    changeParticipants(draft, [callId], change);
  });
});

const FLAG_ACTIONS = [
  ['mute', action('Mute participants', ConferenceTargets, flags({ muted: true }))],
  ['unmute', action('Unmute participants', ConferenceTargets, flags({ muted: false }))],
  ['hold', action('Hold participants', ConferenceTargets, flags({ hold: true }))],
  [
    'stop',
    action('Stop audio', ConferenceTargets, onDraft<typeof ConferenceTargets>(stopConferenceMedia)),
  ],
] as const;

const END = action(
  'End a conference',
  ConferenceCommand,
  onDraft<typeof ConferenceCommand>((draft) => {
    endConference(draft, 'ended_via_api', draft.state.creatorCallId, true);
  }),
);

const COMMANDS = [
  [
    'record_stop',
    action(
      'Stop recording',
      ConferenceCommand,
      onDraft<typeof ConferenceCommand>(saveConferenceRecording),
    ),
  ],
  [
    'record_pause',
    action(
      'Pause recording',
      ConferenceCommand,
      onDraft<typeof ConferenceCommand>(pauseConferenceRecording),
    ),
  ],
  [
    'record_resume',
    action(
      'Resume recording',
      ConferenceCommand,
      onDraft<typeof ConferenceCommand>(resumeConferenceRecording),
    ),
  ],
  ['end', END],
] as const;

/** Every named call must sit in the conference (422 90015 otherwise). */
function requireParticipants(draft: ConferenceDraft, callIds: readonly string[] | null): void {
  if (callIds === null) return;
  const seated = new Set(activeParticipants(draft.state).map((p) => p.callId));
  if (callIds.some((callId) => !seated.has(callId)))
    throw new ConferenceStateError('not_participant');
}

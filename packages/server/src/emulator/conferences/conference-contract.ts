import {
  Base64Text,
  EXPECTED,
  HttpUrl,
  Int,
  LENIENT,
  OneOf,
  Text,
} from '@switchboard/core/contract';
import Type, { type Static } from 'typebox';
import { PAGE_QUERY, PageMeta } from '../../http/page-query.js';
import { BEEP_SETTINGS, SUPERVISOR_ROLES } from './join-options.js';

/**
 * Declarations of `/v2/conferences*`: the requests (Telnyx's field names; action bodies read as
 * call commands do, see {@link LENIENT}) and the replies.
 */

const REGIONS = ['Australia', 'Europe', 'Middle East', 'US'] as const;

/** `client_state`: Telnyx wants valid Base-64; the spec names no code, so 10015 it is. */
export const ClientState = Base64Text();

const CallIds = (description: string) =>
  Type.Array(Type.String(), { [EXPECTED]: 'an array of call control ids', description });

const CommandId = Type.Optional(
  Type.String({ description: 'A repeat within 60 s of an executed command is ignored' }),
);

/** A lenient action body: `command_id` plus `fields`. */
function actionBody<P extends Type.TProperties>(fields: P) {
  return Type.Object({ ...fields, command_id: CommandId }, { [LENIENT]: true });
}

/** The seat flags of `join`, also Dial's `conference_config` (see {@link joinOptionsOf}). */
export const JOIN_FIELDS = {
  mute: Type.Optional(Type.Boolean({ default: false })),
  hold: Type.Optional(Type.Boolean({ default: false })),
  hold_audio_url: Type.Optional(HttpUrl()),
  hold_media_name: Type.Optional(Type.String()),
  start_conference_on_enter: Type.Optional(Type.Boolean({ default: false })),
  end_conference_on_exit: Type.Optional(Type.Boolean({ default: false })),
  soft_end_conference_on_exit: Type.Optional(Type.Boolean({ default: false })),
  supervisor_role: Type.Optional(OneOf(SUPERVISOR_ROLES, { default: 'none' })),
  whisper_call_control_ids: Type.Optional(CallIds('Whom a whispering supervisor speaks to')),
  beep_enabled: Type.Optional(OneOf(BEEP_SETTINGS)),
};

/** `POST /v2/conferences`: `call_control_id` and `name` required; max_participants 2..800. */
export const CreateConference = Type.Object(
  {
    call_control_id: Text(),
    name: Text(),
    client_state: Type.Optional(ClientState),
    beep_enabled: Type.Optional(OneOf(BEEP_SETTINGS, { default: 'never' })),
    start_conference_on_create: Type.Optional(Type.Boolean({ default: true })),
    max_participants: Type.Optional(Int(2, 800, { default: 250 })),
    duration_minutes: Type.Optional(Int(1, 240)),
    region: Type.Optional(OneOf(REGIONS, { default: 'US' })),
    hold_audio_url: Type.Optional(HttpUrl()),
  },
  { [LENIENT]: true },
);

export const JoinConference = actionBody({
  call_control_id: Text(),
  client_state: Type.Optional(ClientState),
  ...JOIN_FIELDS,
});

export const LeaveConference = actionBody({
  call_control_id: Text(),
  region: Type.Optional(OneOf(REGIONS, { default: 'US' })),
});

/** mute, unmute, hold, stop: the named participants, or everyone when none are named. */
export const ConferenceTargets = actionBody({
  call_control_ids: Type.Optional(CallIds('The participants; absent or empty: everyone')),
  audio_url: Type.Optional(HttpUrl()),
});

/** unhold names its participants. */
export const ConferenceUnhold = actionBody({
  call_control_ids: CallIds('The participants to take off hold'),
});

export const ConferenceSpeak = actionBody({
  voice: Text(),
  payload: Text(),
  payload_type: Type.Optional(OneOf(['text', 'ssml'], { default: 'text' })),
  call_control_ids: Type.Optional(CallIds('Who hears it; absent or empty: everyone')),
});

export const ConferencePlay = actionBody({
  audio_url: Type.Optional(HttpUrl()),
  media_name: Type.Optional(Type.String()),
  loop: Type.Optional(
    Type.Union([Int(1, 100), Type.Literal('infinity')], {
      [EXPECTED]: 'an integer from 1 to 100, or "infinity"',
    }),
  ),
  call_control_ids: Type.Optional(CallIds('Who hears it; absent or empty: everyone')),
});

export const ConferenceRecordStart = actionBody({
  format: OneOf(['wav', 'mp3']),
  channels: Type.Optional(OneOf(['single', 'dual'], { default: 'single' })),
  trim: Type.Optional(OneOf(['trim-silence'])),
});

/** record_stop, record_pause, record_resume, end: nothing but `command_id`. */
export const ConferenceCommand = actionBody({});

export const ConferenceDtmf = actionBody({
  digits: Type.String({ pattern: '^[0-9A-D*#wW]+$' }),
  duration_millis: Type.Optional(Int(100, 500, { default: 250 })),
  client_state: Type.Optional(ClientState),
  call_control_ids: Type.Optional(CallIds('Who hears the tones; absent or empty: everyone')),
});

/** The participant, and the call command `gather_using_audio`'s body, which that command checks. */
export const ConferenceGather = actionBody({
  call_control_id: Text(),
  ...Object.fromEntries(
    [
      'audio_url',
      'media_name',
      'client_state',
      'gather_id',
      'initial_timeout_millis',
      'inter_digit_timeout_millis',
      'invalid_audio_url',
      'invalid_media_name',
      'maximum_digits',
      'maximum_tries',
      'minimum_digits',
      'stop_playback_on_dtmf',
      'terminating_digit',
      'timeout_millis',
      'valid_digits',
    ].map((name) => [name, Type.Optional(Type.Unknown({ description: 'As gather_using_audio' }))]),
  ),
});

export const ConferenceUpdate = actionBody({
  call_control_id: Text(),
  supervisor_role: OneOf(SUPERVISOR_ROLES),
  whisper_call_control_ids: Type.Optional(CallIds('Whom a whispering supervisor speaks to')),
});

/** `PATCH …/participants/{id}`: the exit and beep flags. */
export const ParticipantUpdate = Type.Object(
  {
    end_conference_on_exit: Type.Optional(Type.Boolean()),
    soft_end_conference_on_exit: Type.Optional(Type.Boolean()),
    beep_enabled: Type.Optional(OneOf(BEEP_SETTINGS)),
  },
  { [LENIENT]: true },
);

export const ConferenceIdParams = Type.Object({ id: Type.String() });
export const ParticipantParams = Type.Object({ id: Type.String(), participant: Type.String() });

export const ConferenceListQuery = Type.Object({
  'filter[name]': Type.Optional(Type.String()),
  'filter[status]': Type.Optional(Type.String()),
  ...PAGE_QUERY,
});

export const ParticipantListQuery = Type.Object({
  'filter[muted]': Type.Optional(Type.Boolean()),
  'filter[on_hold]': Type.Optional(Type.Boolean()),
  'filter[whispering]': Type.Optional(Type.Boolean()),
  ...PAGE_QUERY,
});

/** The spec's `Conference`. */
export const ConferenceView = Type.Object({
  record_type: Type.Literal('conference'),
  id: Type.String(),
  name: Type.String(),
  status: OneOf(['init', 'in_progress', 'completed']),
  region: Type.String(),
  connection_id: Type.String(),
  created_at: Type.String(),
  updated_at: Type.String(),
  expires_at: Type.String(),
  end_reason: Type.Optional(OneOf(['all_left', 'ended_via_api', 'host_left', 'time_exceeded'])),
  ended_by: Type.Optional(
    Type.Object({ call_control_id: Type.String(), call_session_id: Type.String() }),
  ),
});

const PARTICIPANT_FIELDS = {
  record_type: Type.Literal('participant'),
  id: Type.String(),
  call_control_id: Type.String(),
  call_leg_id: Type.String(),
  status: OneOf(['joined', 'left']),
  muted: Type.Boolean(),
  on_hold: Type.Boolean(),
  end_conference_on_exit: Type.Boolean(),
  soft_end_conference_on_exit: Type.Boolean(),
  whisper_call_control_ids: Type.Array(Type.String()),
  created_at: Type.String(),
  updated_at: Type.String(),
};

/** A participant as the list shows it (the spec's `Participant`: `conference: {id, name}`). */
export const ParticipantListView = Type.Object({
  ...PARTICIPANT_FIELDS,
  conference: Type.Object({ id: Type.String(), name: Type.String() }),
});

/** A participant as the single-participant routes show it (`ConferenceParticipant`). */
export const ParticipantView = Type.Object({
  ...PARTICIPANT_FIELDS,
  conference_id: Type.String(),
});

export const ConferenceResponse = Type.Object({ data: ConferenceView });
export const ConferenceListResponse = Type.Object({
  data: Type.Array(ConferenceView),
  meta: PageMeta,
});
export const ParticipantResponse = Type.Object({ data: ParticipantView });
export const ParticipantListResponse = Type.Object({
  data: Type.Array(ParticipantListView),
  meta: PageMeta,
});
export const ConferenceCommandResponse = Type.Object({
  data: Type.Object({ result: Type.Literal('ok') }),
});

export type CreateConference = Static<typeof CreateConference>;
export type JoinConference = Static<typeof JoinConference>;
export type ConferenceView = Static<typeof ConferenceView>;
export type ParticipantView = Static<typeof ParticipantView>;
export type ParticipantListView = Static<typeof ParticipantListView>;
export type ConferencePlay = Static<typeof ConferencePlay>;
export type ConferenceSpeak = Static<typeof ConferenceSpeak>;
export type ParticipantUpdate = Static<typeof ParticipantUpdate>;

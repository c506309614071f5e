import { LENIENT } from '@switchboard/core/contract';
import Type, { type Static } from 'typebox';
import { ValidationError } from '../../support/errors/api-error.js';
import { checkValue } from '../../http/validation/check-value.js';
import { invalidIssue, missingIssue, type Issue } from '../../http/validation/issues.js';
import { playbackDurationMs, speakDurationMs, type CallTimings } from '../calls/call-timings.js';
import type {
  ConferencePlay,
  ConferenceSpeak,
  CreateConference,
  JoinConference,
  ParticipantUpdate,
} from './conference-contract.js';
import { JOIN_FIELDS } from './conference-contract.js';
import type { ConferenceMedia } from './conference-state.js';
import type { BeepSetting, JoinOptions } from './join-options.js';

export interface CreateRequest {
  readonly callId: string;
  readonly name: string;
  readonly clientState: string | null;
  readonly beep: BeepSetting;
  readonly startOnCreate: boolean;
  readonly maxParticipants: number;
  readonly durationMs: number | null;
  readonly region: string;
}

/** A declared `POST /v2/conferences` body as the engine takes it. */
export function createRequestOf(body: CreateConference): CreateRequest {
  return {
    callId: body.call_control_id,
    name: body.name,
    clientState: body.client_state ?? null,
    beep: body.beep_enabled ?? 'never',
    startOnCreate: body.start_conference_on_create ?? true,
    maxParticipants: body.max_participants ?? 250,
    durationMs: body.duration_minutes === undefined ? null : body.duration_minutes * 60_000,
    region: body.region ?? 'US',
  };
}

export interface JoinRequest {
  readonly callId: string;
  readonly clientState: string | null;
  readonly options: JoinOptions;
}

const JoinFields = Type.Object(JOIN_FIELDS, { [LENIENT]: true });

/** The seat flags of a declared join body (or Dial's `conference_config`). */
export type JoinFields = Static<typeof JoinFields>;

/** Seat flags as a participant keeps them; the spec's defaults for those not given. */
export function joinOptionsOf(fields: JoinFields): JoinOptions {
  return {
    muted: fields.mute ?? false,
    hold: fields.hold ?? false,
    holdAudioUrl: fields.hold_audio_url ?? null,
    holdMediaName: fields.hold_media_name ?? null,
    startOnEnter: fields.start_conference_on_enter ?? false,
    endOnExit: fields.end_conference_on_exit ?? false,
    softEndOnExit: fields.soft_end_conference_on_exit ?? false,
    supervisorRole: fields.supervisor_role ?? 'none',
    whisperIds: fields.whisper_call_control_ids ?? [],
    beep: fields.beep_enabled ?? null,
  };
}

export function joinRequestOf(body: JoinConference): JoinRequest {
  return {
    callId: body.call_control_id,
    clientState: body.client_state ?? null,
    options: joinOptionsOf(body),
  };
}

/**
 * The seat flags of a body read by hand (Dial's `conference_config` until Dial is declared):
 * checked against {@link JOIN_FIELDS}, each problem reported to the reader.
 */
export function readJoinOptions(reader: {
  readonly body: unknown;
  report(issue: Issue): unknown;
}): JoinOptions {
  const checked = checkValue(JoinFields, reader.body);
  if (checked.ok) return joinOptionsOf(checked.value);
  for (const issue of checked.issues) reader.report(issue);
  return joinOptionsOf({});
}

/** A list of call control ids; an empty list names nobody, which means everyone. */
export function targetsOf(ids: readonly string[] | undefined): string[] | null {
  return ids === undefined || ids.length === 0 ? null : [...ids];
}

/** `speak`: payload and voice required, as on calls. */
export function speakOf(body: ConferenceSpeak, timings: CallTimings): ConferenceMedia {
  return {
    kind: 'speak',
    targets: targetsOf(body.call_control_ids),
    durationMs: speakDurationMs(body.payload, timings),
    endless: false,
    mediaUrl: null,
    mediaName: null,
  };
}

/** `play`: `audio_url` or `media_name` (one of them), `loop` as playback_start reads it. */
export function playOf(body: ConferencePlay, timings: CallTimings): ConferenceMedia {
  const mediaUrl = body.audio_url ?? null;
  const mediaName = body.media_name ?? null;
  if (mediaUrl === null && mediaName === null)
    throw new ValidationError([missingIssue({ pointer: '/audio_url' })]);
  if (mediaUrl !== null && mediaName !== null)
    throw new ValidationError([
      invalidIssue({ pointer: '/media_name' }, 'left out when audio_url is given'),
    ]);
  const loop = body.loop === 'infinity' ? null : (body.loop ?? 1);
  return {
    kind: 'playback',
    targets: targetsOf(body.call_control_ids),
    durationMs: playbackDurationMs(mediaUrl, timings) * (loop ?? 1),
    endless: loop === null,
    mediaUrl,
    mediaName,
  };
}

/** `PATCH …/participants/{id}`: the exit and beep flags that were given. */
export function participantChangeOf(body: ParticipantUpdate): Partial<JoinOptions> {
  return {
    ...(body.end_conference_on_exit === undefined
      ? {}
      : { endOnExit: body.end_conference_on_exit }),
    ...(body.soft_end_conference_on_exit === undefined
      ? {}
      : { softEndOnExit: body.soft_end_conference_on_exit }),
    ...(body.beep_enabled === undefined ? {} : { beep: body.beep_enabled }),
  };
}

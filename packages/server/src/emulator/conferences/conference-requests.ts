import { invalidIssue, missingIssue } from '../../api/validation/issues.js';
import { BodyReader } from '../calls/body-reader.js';
import { readLoop } from '../calls/command-bodies.js';
import { readClientState, readUrl } from '../calls/common-params.js';
import { playbackDurationMs, speakDurationMs, type CallTimings } from '../calls/call-timings.js';
import type { ConferenceMedia } from './conference-state.js';
import { DEFAULT_JOIN, type BeepSetting, type JoinOptions } from './join-options.js';

const BEEPS: readonly BeepSetting[] = ['always', 'never', 'on_enter', 'on_exit'];
const ROLES = ['barge', 'monitor', 'none', 'whisper'] as const;
const REGIONS = ['Australia', 'Europe', 'Middle East', 'US'] as const;

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

/** `POST /v2/conferences`: `call_control_id` and `name` required; max_participants 2..800. */
export function readCreate(body: unknown): CreateRequest {
  const r = new BodyReader(body);
  const request = {
    callId: r.string('call_control_id', { required: true }) ?? '',
    name: r.string('name', { required: true }) ?? '',
    clientState: readClientState(r, 'client_state'),
    beep: r.oneOf('beep_enabled', BEEPS, 'never'),
    startOnCreate: r.bool('start_conference_on_create', true),
    maxParticipants: r.int('max_participants', 2, 800, 250),
    durationMs:
      r.body['duration_minutes'] === undefined
        ? null
        : r.int('duration_minutes', 1, 240, 240) * 60_000,
    region: r.oneOf('region', REGIONS, 'US'),
  };
  readUrl(r, 'hold_audio_url');
  r.done();
  return request;
}

export interface JoinRequest {
  readonly callId: string;
  readonly clientState: string | null;
  readonly options: JoinOptions;
}

/** `join` (and Dial's `conference_config`): the seat's flags, defaults from the spec. */
export function readJoinOptions(r: BodyReader): JoinOptions {
  return {
    muted: r.bool('mute', false),
    hold: r.bool('hold', false),
    holdAudioUrl: readUrl(r, 'hold_audio_url'),
    holdMediaName: r.string('hold_media_name'),
    startOnEnter: r.bool('start_conference_on_enter', DEFAULT_JOIN.startOnEnter),
    endOnExit: r.bool('end_conference_on_exit', false),
    softEndOnExit: r.bool('soft_end_conference_on_exit', false),
    supervisorRole: r.oneOf('supervisor_role', ROLES, 'none'),
    whisperIds: readIds(r, 'whisper_call_control_ids') ?? [],
    beep: r.body['beep_enabled'] === undefined ? null : r.oneOf('beep_enabled', BEEPS, 'never'),
  };
}

export function readJoin(body: unknown): JoinRequest {
  const r = new BodyReader(body);
  const request = {
    callId: r.string('call_control_id', { required: true }) ?? '',
    clientState: readClientState(r, 'client_state'),
    options: readJoinOptions(r),
  };
  r.done();
  return request;
}

/** A list of call control ids; null when absent (meaning: every participant). */
export function readIds(r: BodyReader, name: string, required = false): string[] | null {
  const value = r.body[name];
  if (value === undefined || value === null) {
    if (required) r.report(missingIssue({ pointer: `/${name}` }));
    return null;
  }
  if (Array.isArray(value) && value.every((id) => typeof id === 'string'))
    return value.length === 0 && !required ? null : value;
  r.report(invalidIssue({ pointer: `/${name}` }, 'an array of call control ids'));
  return null;
}

/** A body with only `call_control_id` (leave, gather target) or a list of them. */
export function readCallId(body: unknown): string {
  const r = new BodyReader(body);
  const id = r.string('call_control_id', { required: true }) ?? '';
  r.oneOf('region', REGIONS, 'US');
  r.done();
  return id;
}

export function readTargets(body: unknown, required = false): string[] | null {
  const r = new BodyReader(body);
  const ids = readIds(r, 'call_control_ids', required);
  readUrl(r, 'audio_url');
  r.done();
  return ids;
}

/** `speak`: payload and voice required, as on calls. */
export function readSpeak(body: unknown, timings: CallTimings): ConferenceMedia {
  const r = new BodyReader(body);
  r.string('voice', { required: true });
  const text = r.string('payload', { required: true }) ?? '';
  r.oneOf('payload_type', ['text', 'ssml'], 'text');
  const targets = readIds(r, 'call_control_ids');
  r.done();
  return {
    kind: 'speak',
    targets,
    durationMs: speakDurationMs(text, timings),
    endless: false,
    mediaUrl: null,
    mediaName: null,
  };
}

/** `play`: `audio_url` or `media_name` (one of them), `loop` as playback_start reads it. */
export function readPlay(body: unknown, timings: CallTimings): ConferenceMedia {
  const r = new BodyReader(body);
  const mediaUrl = readUrl(r, 'audio_url');
  const mediaName = r.string('media_name');
  if (mediaUrl === null && mediaName === null && r.body['audio_url'] === undefined)
    r.report(missingIssue({ pointer: '/audio_url' }));
  if (mediaUrl !== null && mediaName !== null)
    r.report(invalidIssue({ pointer: '/media_name' }, 'left out when audio_url is given'));
  const loop = readLoop(r);
  const targets = readIds(r, 'call_control_ids');
  r.done();
  return {
    kind: 'playback',
    targets,
    durationMs: playbackDurationMs(mediaUrl, timings) * (loop ?? 1),
    endless: loop === null,
    mediaUrl,
    mediaName,
  };
}

/** `record_start`: `format` required (wav|mp3), `channels` single (default) or dual. */
export function readRecordStart(body: unknown): {
  channels: 'single' | 'dual';
  format: 'mp3' | 'wav';
} {
  const r = new BodyReader(body);
  if (r.body['format'] === undefined) r.report(missingIssue({ pointer: '/format' }));
  const format = r.oneOf('format', ['wav', 'mp3'], 'mp3');
  const channels = r.oneOf('channels', ['single', 'dual'], 'single');
  r.oneOf('trim', ['trim-silence'], 'trim-silence');
  r.done();
  return { channels, format };
}

/** `update`: `call_control_id` and `supervisor_role` required. */
export function readUpdate(body: unknown): { callId: string; change: Partial<JoinOptions> } {
  const r = new BodyReader(body);
  const callId = r.string('call_control_id', { required: true }) ?? '';
  if (r.body['supervisor_role'] === undefined)
    r.report(missingIssue({ pointer: '/supervisor_role' }));
  const supervisorRole = r.oneOf('supervisor_role', ROLES, 'none');
  const whisperIds = readIds(r, 'whisper_call_control_ids') ?? [];
  r.done();
  return { callId, change: { supervisorRole, whisperIds } };
}

/** `send_dtmf`: digits required (0-9, A-D, *, #, w, W), duration 100..500 ms. */
export function readDtmf(body: unknown): string[] | null {
  const r = new BodyReader(body);
  const digits = r.string('digits', { required: true });
  if (digits !== null && !/^[0-9A-D*#wW]+$/.test(digits))
    r.report(invalidIssue({ pointer: '/digits' }, 'made of 0-9, A-D, *, #, w and W'));
  r.int('duration_millis', 100, 500, 250);
  readClientState(r, 'client_state');
  const ids = readIds(r, 'call_control_ids');
  r.done();
  return ids;
}

/** `PATCH …/participants/{id}`: the exit and beep flags. */
export function readParticipantUpdate(body: unknown): Partial<JoinOptions> {
  const r = new BodyReader(body);
  const change: { -readonly [K in keyof JoinOptions]?: JoinOptions[K] } = {};
  if (r.body['end_conference_on_exit'] !== undefined)
    change.endOnExit = r.bool('end_conference_on_exit', false);
  if (r.body['soft_end_conference_on_exit'] !== undefined)
    change.softEndOnExit = r.bool('soft_end_conference_on_exit', false);
  if (r.body['beep_enabled'] !== undefined) change.beep = r.oneOf('beep_enabled', BEEPS, 'never');
  r.done();
  return change;
}

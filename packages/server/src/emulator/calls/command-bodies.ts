import { isE164 } from '../phone-numbers/e164.js';
import type { BodyReader } from './body-reader.js';
import type { Command } from './call-input.js';
import type { GatherState, MediaItem, RecordingState } from './call-state.js';
import { playbackDurationMs, speakDurationMs, type CallTimings } from './call-timings.js';
import { readClientState, readUrl } from './common-params.js';
import { readStreamRequest, type StreamRequest } from './stream-request.js';
import { invalidIssue } from '../../api/validation/issues.js';
import { EXTENDED_PARSERS } from './extended-command-bodies.js';

/** A command as read from its body; bridge, enqueue and transfer still need the engine's lookups. */
export type ParsedCommand =
  | Exclude<Command, { name: 'bridge' | 'enqueue' | 'transfer' }>
  | { readonly name: 'bridge'; readonly peerId: string | null; readonly parkAfterUnbridge: boolean }
  | { readonly name: 'bridge_queue'; readonly queue: string; readonly parkAfterUnbridge: boolean }
  | {
      readonly name: 'enqueue';
      readonly queue: string | null;
      readonly maxSize: number;
      readonly maxWaitMs: number | null;
    }
  | {
      readonly name: 'transfer';
      readonly to: string | null;
      readonly from: string | null;
      readonly timeoutSecs: number;
      readonly targetClientState: string | null;
    };

export interface ParseContext {
  readonly timings: CallTimings;
  readonly newId: () => string;
}

type Parser = (reader: BodyReader, ctx: ParseContext) => ParsedCommand;

const simple =
  (
    name:
      | 'hangup'
      | 'gather_stop'
      | 'record_stop'
      | 'fork_start'
      | 'fork_stop'
      | 'leave_queue'
      | 'transcription_start'
      | 'transcription_stop'
      | 'streaming_stop'
      | 'send_dtmf'
      | 'client_state_update',
  ): Parser =>
  () => ({ name });

/** Every action path segment the emulator serves, with how its body is read. */
export const COMMAND_PARSERS: Readonly<Record<string, Parser>> = {
  ...EXTENDED_PARSERS,
  answer: (r, ctx) => ({
    name: 'answer',
    recordOnAnswer: recordFromAnswer(r, ctx),
    stream: readStreamRequest(r, ctx.newId, false),
  }),
  hangup: simple('hangup'),
  reject: (r) => ({
    name: 'reject',
    cause: r.oneOf('cause', ['CALL_REJECTED', 'USER_BUSY'], 'CALL_REJECTED'),
  }),
  speak: (r, ctx) => ({ name: 'speak', item: speakItem(r, ctx) }),
  playback_start: (r, ctx) => ({ name: 'playback_start', item: playbackItem(r, ctx) }),
  playback_stop: (r) => ({
    name: 'playback_stop',
    stop: r.oneOf('stop', ['current', 'all'], 'all'),
  }),
  gather: (r) => ({ name: 'gather', gather: gatherOf(r, null) }),
  gather_using_audio: (r, ctx) => ({ name: 'gather', gather: gatherOf(r, playbackItem(r, ctx)) }),
  gather_using_speak: (r, ctx) => ({ name: 'gather', gather: gatherOf(r, speakItem(r, ctx)) }),
  gather_stop: simple('gather_stop'),
  record_start: (r, ctx) => ({
    name: 'record_start',
    recording: recordingOf(r, ctx, 'channels', 'format'),
  }),
  record_stop: simple('record_stop'),
  fork_start: simple('fork_start'),
  fork_stop: simple('fork_stop'),
  enqueue: (r) => ({
    name: 'enqueue',
    queue: r.string('queue_name', { required: true }),
    maxSize: r.int('max_size', 1, 5000, 100),
    maxWaitMs:
      r.body['max_wait_time_secs'] === undefined
        ? null
        : r.int('max_wait_time_secs', 1, 86_400, 1) * 1000,
  }),
  leave_queue: simple('leave_queue'),
  transcription_start: simple('transcription_start'),
  transcription_stop: simple('transcription_stop'),
  streaming_start: (r, ctx) => {
    const stream = readStreamRequest(r, ctx.newId, true);
    // Without a stream_url the reader holds a 10004: send that 422 now.
    r.done();
    return { name: 'streaming_start', stream: stream ?? missingStream() };
  },
  streaming_stop: simple('streaming_stop'),
  send_dtmf: (r) => {
    const digits = r.string('digits', { required: true });
    if (digits !== null && !/^[0-9A-D*#wW]+$/.test(digits)) r.report(invalidDigits());
    return { name: 'send_dtmf' };
  },
  client_state_update: (r) => {
    r.string('client_state', { required: true });
    return { name: 'client_state_update' };
  },
  bridge: (r) => {
    const queue = r.string('queue');
    const parkAfterUnbridge = r.string('park_after_unbridge') !== null;
    if (queue !== null) return { name: 'bridge_queue', queue, parkAfterUnbridge };
    return {
      name: 'bridge',
      peerId: r.string('call_control_id', { required: true }),
      parkAfterUnbridge,
    };
  },
  transfer: (r) => ({
    name: 'transfer',
    to: phone(r, 'to', true),
    from: phone(r, 'from', false),
    timeoutSecs: r.int('timeout_secs', 5, 600, 30),
    targetClientState: readClientState(r, 'target_leg_client_state'),
  }),
};

/** Stands in for a stream whose `stream_url` was missing; the reader's 422 is thrown first. */
function missingStream(): StreamRequest {
  throw new Error('streaming_start without stream_url must have been refused by its reader');
}

function invalidDigits(): { code: string; title: string; detail: string; pointer: string } {
  return {
    code: '10015',
    title: 'Invalid value',
    detail: "The 'digits' parameter may only hold 0-9, A-D, *, #, w and W.",
    pointer: '/digits',
  };
}

/** A `+E.164` number (10016 otherwise); SIP URIs are accepted as Telnyx dials them too. */
export function phone(reader: BodyReader, name: string, required: boolean): string | null {
  const value = reader.string(name, { required });
  if (value === null || value.startsWith('sip:') || isE164(value)) return value;
  return reader.report({
    code: '10016',
    title: 'Phone number must be in +E164 format',
    detail: `The '${name}' parameter must be in E164 format.`,
    pointer: `/${name}`,
  });
}

function speakItem(reader: BodyReader, ctx: ParseContext): MediaItem {
  const voice = reader.string('voice', { required: true }) ?? '';
  const text = reader.string('payload', { required: true }) ?? '';
  const language = reader.string('language');
  return {
    kind: 'speak',
    durationMs: speakDurationMs(text, ctx.timings),
    mediaUrl: null,
    mediaName: null,
    overlay: false,
    speech: { text, voice, language },
  };
}

function playbackItem(reader: BodyReader, ctx: ParseContext): MediaItem {
  const mediaUrl = readUrl(reader, 'audio_url');
  const mediaName = reader.string('media_name');
  const overlay = reader.bool('overlay', false);
  const loop = readLoop(reader);
  return {
    kind: 'playback',
    durationMs: playbackDurationMs(mediaUrl, ctx.timings) * (loop ?? 1),
    mediaUrl,
    mediaName,
    overlay,
    speech: null,
    ...(loop === null ? { endless: true } : {}),
  };
}

/** `loop`: 1..100 plays (default 1), or `"infinity"` (null: until stopped). */
export function readLoop(reader: BodyReader): number | null {
  const value = reader.body['loop'];
  if (value === undefined || value === null || value === '') return 1;
  if (value === 'infinity') return null;
  const count = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  if (typeof count === 'number' && Number.isInteger(count) && count >= 1 && count <= 100)
    return count;
  reader.report(invalidIssue({ pointer: '/loop' }, 'an integer from 1 to 100, or "infinity"'));
  return 1;
}

/** Gather defaults from the spec: 1..128 digits, `#` ends, 5 s initial and inter-digit, 60 s overall. */
function gatherOf(reader: BodyReader, prompt: MediaItem | null): GatherState {
  return {
    digits: '',
    minimum: reader.int('minimum_digits', 1, 128, 1),
    maximum: reader.int('maximum_digits', 1, 128, 128),
    terminator: reader.string('terminating_digit') ?? '#',
    validDigits: reader.string('valid_digits') ?? '0123456789#*',
    initialMs: reader.int('initial_timeout_millis', 0, 600_000, 5000),
    interDigitMs: reader.int('inter_digit_timeout_millis', 0, 600_000, 5000),
    timeoutMs: reader.int('timeout_millis', 0, 600_000, 60_000),
    deadline: null,
    triesLeft: prompt === null ? 1 : reader.int('maximum_tries', 1, 10, 3),
    prompt,
    collecting: false,
  };
}

/** Recording settings; omitted channels/format default to single (dual for Dial/Answer) and mp3. */
export function recordingOf(
  reader: BodyReader,
  ctx: ParseContext,
  channels: string,
  format: string,
): RecordingState {
  return {
    id: ctx.newId(),
    channels: reader.oneOf(
      channels,
      ['single', 'dual'],
      channels === 'channels' ? 'single' : 'dual',
    ),
    format: reader.oneOf(format, ['mp3', 'wav'], 'mp3'),
    startedAt: 0,
  };
}

/** `record: record-from-answer` on Dial or Answer. */
export function recordFromAnswer(reader: BodyReader, ctx: ParseContext): RecordingState | null {
  if (reader.body['record'] === undefined) return null;
  reader.oneOf('record', ['record-from-answer'], 'record-from-answer');
  return recordingOf(reader, ctx, 'record_channels', 'record_format');
}

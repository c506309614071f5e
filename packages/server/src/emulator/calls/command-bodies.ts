import Type, { type Static, type TObject } from 'typebox';
import { HttpUrl, Int, OneOf, Text } from '@switchboard/core/contract';
import { isE164 } from '../phone-numbers/e164.js';
import {
  invalidIssue,
  missingIssue,
  rangeIssue,
  type Issue,
} from '../../http/validation/issues.js';
import type { GatherState, MediaItem, RecordingState } from './call-state.js';
import { playbackDurationMs, speakDurationMs } from './call-timings.js';
import { ClientState, clientStateOf } from './common-params.js';
import { command, type CommandDeclaration } from './command-declaration.js';
import { EXTENDED_COMMANDS } from './extended-command-bodies.js';
import type { FoundIssues } from './found-issues.js';
import { STREAM_FIELDS, streamOf } from './stream-request.js';

/** LEGACY re-exports for the folders still on BodyReader (TeXML, conferences). */

import type { ParseContext } from './parsed-command.js';

export type { ParseContext, ParsedCommand } from './parsed-command.js';

/** Dial's and Answer's `record: record-from-answer` and its settings. */
export const RECORD_ON_ANSWER_FIELDS = {
  record: Type.Optional(OneOf(['record-from-answer'])),
  record_channels: Type.Optional(OneOf(['single', 'dual'], { description: 'Default dual' })),
  record_format: Type.Optional(OneOf(['mp3', 'wav'], { description: 'Default mp3' })),
};

const PLAYBACK_FIELDS = {
  audio_url: Type.Optional(HttpUrl()),
  media_name: Type.Optional(Text({ description: 'A file uploaded with POST /v2/media' })),
  overlay: Type.Optional(Type.Boolean()),
  loop: Type.Optional(
    Type.Union([Type.Integer(), Type.String()], {
      description: '1 to 100 plays (default 1), or "infinity"',
    }),
  ),
};

const SPEAK_FIELDS = {
  payload: Text({ description: 'What to say (text or SSML)' }),
  voice: Text({ description: 'e.g. female, male, Polly.Joanna' }),
  language: Type.Optional(Text()),
  payload_type: Type.Optional(OneOf(['text', 'ssml'])),
};

const GATHER_FIELDS = {
  minimum_digits: Type.Optional(Int(1, 128)),
  maximum_digits: Type.Optional(Int(1, 128)),
  terminating_digit: Type.Optional(Text()),
  valid_digits: Type.Optional(Text()),
  initial_timeout_millis: Type.Optional(Int(0, 600_000)),
  inter_digit_timeout_millis: Type.Optional(Int(0, 600_000)),
  timeout_millis: Type.Optional(Int(0, 600_000)),
};

const PROMPTED_GATHER_FIELDS = {
  ...GATHER_FIELDS,
  maximum_tries: Type.Optional(Int(1, 10)),
  invalid_payload: Type.Optional(Text()),
  invalid_audio_url: Type.Optional(HttpUrl()),
};

const E164_OR_SIP = 'A +E.164 number or a sip: URI';

const none = (name: NoBodyCommand) => command(`Call Control: ${name}`, {}, () => ({ name }));

type NoBodyCommand =
  | 'hangup'
  | 'gather_stop'
  | 'record_stop'
  | 'fork_start'
  | 'fork_stop'
  | 'leave_queue'
  | 'transcription_start'
  | 'transcription_stop'
  | 'streaming_stop';

/** Every action path segment the emulator serves, with its declared body. */
export const COMMANDS: Readonly<Record<string, CommandDeclaration>> = {
  ...EXTENDED_COMMANDS,
  answer: command(
    'Answer an incoming call',
    { ...RECORD_ON_ANSWER_FIELDS, ...STREAM_FIELDS },
    (body, ctx, issues) => ({
      name: 'answer',
      recordOnAnswer: recordFromAnswer(body, ctx),
      stream: streamOf(body, ctx.newId, false, issues),
    }),
  ),
  hangup: none('hangup'),
  reject: command(
    'Reject an incoming call',
    { cause: Type.Optional(OneOf(['CALL_REJECTED', 'USER_BUSY'])) },
    (body) => ({ name: 'reject', cause: body.cause ?? 'CALL_REJECTED' }),
  ),
  speak: command('Speak text on the call', SPEAK_FIELDS, (body, ctx) => ({
    name: 'speak',
    item: speakItem(body, ctx),
  })),
  playback_start: command('Play audio on the call', PLAYBACK_FIELDS, (body, ctx, issues) => ({
    name: 'playback_start',
    item: playbackItem(body, ctx, issues),
  })),
  playback_stop: command(
    'Stop audio playback',
    { stop: Type.Optional(OneOf(['current', 'all'], { description: 'Default all' })) },
    (body) => ({ name: 'playback_stop', stop: body.stop ?? 'all' }),
  ),
  gather: command('Gather DTMF digits', GATHER_FIELDS, (body) => ({
    name: 'gather',
    gather: gatherOf(body, null),
  })),
  gather_using_audio: command(
    'Play audio and gather DTMF digits',
    { ...PLAYBACK_FIELDS, ...PROMPTED_GATHER_FIELDS },
    (body, ctx, issues) => ({
      name: 'gather',
      gather: gatherOf(body, playbackItem(body, ctx, issues)),
    }),
  ),
  gather_using_speak: command(
    'Speak text and gather DTMF digits',
    { ...SPEAK_FIELDS, ...PROMPTED_GATHER_FIELDS },
    (body, ctx) => ({ name: 'gather', gather: gatherOf(body, speakItem(body, ctx)) }),
  ),
  gather_stop: none('gather_stop'),
  record_start: command(
    'Start recording the call',
    {
      channels: Type.Optional(OneOf(['single', 'dual'], { description: 'Default single' })),
      format: Type.Optional(OneOf(['mp3', 'wav'], { description: 'Default mp3' })),
      play_beep: Type.Optional(Type.Boolean()),
      max_length: Type.Optional(Int(0, 14_400)),
    },
    (body, ctx) => ({
      name: 'record_start',
      recording: recording(ctx, body.channels ?? 'single', body.format ?? 'mp3'),
    }),
  ),
  record_stop: none('record_stop'),
  fork_start: none('fork_start'),
  fork_stop: none('fork_stop'),
  enqueue: command(
    'Put the call in a queue',
    {
      queue_name: Text({ description: 'Created on first use' }),
      max_size: Type.Optional(Int(1, 5000)),
      max_wait_time_secs: Type.Optional(Int(1, 86_400)),
    },
    (body) => ({
      name: 'enqueue',
      queue: body.queue_name,
      maxSize: body.max_size ?? 100,
      maxWaitMs: body.max_wait_time_secs === undefined ? null : body.max_wait_time_secs * 1000,
    }),
  ),
  leave_queue: none('leave_queue'),
  transcription_start: none('transcription_start'),
  transcription_stop: none('transcription_stop'),
  streaming_start: command(
    'Stream the call audio over a WebSocket',
    { ...STREAM_FIELDS, stream_url: Text({ description: 'A ws:// or wss:// URL' }) },
    (body, ctx, issues) => {
      const stream = streamOf(body, ctx.newId, true, issues);
      // Without a usable stream_url, issues hold the 422: send it now.
      issues.done();
      if (stream === null) throw new Error('streaming_start needs a stream_url');
      return { name: 'streaming_start', stream };
    },
  ),
  streaming_stop: none('streaming_stop'),
  send_dtmf: command(
    'Send DTMF tones',
    {
      digits: Text({ description: '0-9, A-D, *, #, and w/W for pauses' }),
      duration_millis: Type.Optional(Int(100, 500)),
    },
    (body, _ctx, issues) => {
      if (!/^[0-9A-D*#wW]+$/.test(body.digits)) issues.report(invalidDigits());
      return { name: 'send_dtmf' };
    },
  ),
  client_state_update: command('Replace the client state', { client_state: ClientState() }, () => ({
    name: 'client_state_update',
  })),
  bridge: command(
    'Bridge two calls (or this call and the head of a queue)',
    {
      call_control_id: Type.Optional(Text({ description: 'The other call' })),
      queue: Type.Optional(Text({ description: 'Bridge the first call waiting in this queue' })),
      park_after_unbridge: Type.Optional(Text()),
    },
    (body, _ctx, issues) => {
      const parkAfterUnbridge = body.park_after_unbridge !== undefined;
      if (body.queue !== undefined)
        return { name: 'bridge_queue', queue: body.queue, parkAfterUnbridge };
      if (body.call_control_id === undefined)
        issues.report(missingIssue({ pointer: '/call_control_id' }));
      return { name: 'bridge', peerId: body.call_control_id ?? '', parkAfterUnbridge };
    },
  ),
  transfer: command(
    'Transfer the call to another number',
    {
      to: Text({ description: E164_OR_SIP }),
      from: Type.Optional(Text({ description: E164_OR_SIP })),
      timeout_secs: Type.Optional(Int(5, 600)),
      target_leg_client_state: Type.Optional(ClientState()),
    },
    (body, _ctx, issues) => ({
      name: 'transfer',
      to: phoneOf(body.to, 'to', issues) ?? '',
      from: body.from === undefined ? null : phoneOf(body.from, 'from', issues),
      timeoutSecs: body.timeout_secs ?? 30,
      targetClientState: clientStateOf(
        body.target_leg_client_state,
        'target_leg_client_state',
        issues,
      ),
    }),
  ),
};

function invalidDigits(): Issue {
  return {
    code: '10015',
    title: 'Invalid value',
    detail: "The 'digits' parameter may only hold 0-9, A-D, *, #, w and W.",
    pointer: '/digits',
  };
}

/** A `+E.164` number (10016 otherwise); SIP URIs are accepted as Telnyx dials them too. */
export function phoneOf(value: string, name: string, issues: FoundIssues): string | null {
  if (value.startsWith('sip:') || isE164(value)) return value;
  return issues.report({
    code: '10016',
    title: 'Phone number must be in +E164 format',
    detail: `The '${name}' parameter must be in E164 format.`,
    pointer: `/${name}`,
  });
}

type SpeakBody = Static<TObject<typeof SPEAK_FIELDS>>;
type PlaybackBody = Static<TObject<typeof PLAYBACK_FIELDS>>;
type GatherBody = Static<TObject<typeof GATHER_FIELDS>> & { readonly maximum_tries?: number };

function speakItem(body: SpeakBody, ctx: ParseContext): MediaItem {
  return {
    kind: 'speak',
    durationMs: speakDurationMs(body.payload, ctx.timings),
    mediaUrl: null,
    mediaName: null,
    overlay: false,
    speech: { text: body.payload, voice: body.voice, language: body.language ?? null },
  };
}

function playbackItem(body: PlaybackBody, ctx: ParseContext, issues: FoundIssues): MediaItem {
  const mediaUrl = body.audio_url ?? null;
  const loop = loopOf(body.loop, issues);
  return {
    kind: 'playback',
    durationMs: playbackDurationMs(mediaUrl, ctx.timings) * (loop ?? 1),
    mediaUrl,
    mediaName: body.media_name ?? null,
    overlay: body.overlay ?? false,
    speech: null,
    ...(loop === null ? { endless: true } : {}),
  };
}

/** `loop`: 1..100 plays (default 1), or `"infinity"` (null: until stopped). */
function loopOf(value: number | string | undefined, issues: FoundIssues): number | null {
  if (value === undefined) return 1;
  if (value === 'infinity') return null;
  if (typeof value === 'number' && value >= 1 && value <= 100) return value;
  issues.report(
    typeof value === 'number'
      ? rangeIssue({ pointer: '/loop' }, 1, 100)
      : invalidIssue({ pointer: '/loop' }, 'an integer from 1 to 100, or "infinity"'),
  );
  return 1;
}

/** Gather defaults from the spec: 1..128 digits, `#` ends, 5 s initial and inter-digit, 60 s overall. */
function gatherOf(body: GatherBody, prompt: MediaItem | null): GatherState {
  return {
    digits: '',
    minimum: body.minimum_digits ?? 1,
    maximum: body.maximum_digits ?? 128,
    terminator: body.terminating_digit ?? '#',
    validDigits: body.valid_digits ?? '0123456789#*',
    initialMs: body.initial_timeout_millis ?? 5000,
    interDigitMs: body.inter_digit_timeout_millis ?? 5000,
    timeoutMs: body.timeout_millis ?? 60_000,
    deadline: null,
    triesLeft: prompt === null ? 1 : (body.maximum_tries ?? 3),
    prompt,
    collecting: false,
  };
}

function recording(
  ctx: ParseContext,
  channels: 'single' | 'dual',
  format: 'mp3' | 'wav',
): RecordingState {
  return { id: ctx.newId(), channels, format, startedAt: 0 };
}

/** `record: record-from-answer` on Dial or Answer (channels default to dual there). */
export function recordFromAnswer(
  body: {
    readonly record?: 'record-from-answer';
    readonly record_channels?: 'single' | 'dual';
    readonly record_format?: 'mp3' | 'wav';
  },
  ctx: ParseContext,
): RecordingState | null {
  if (body.record === undefined) return null;
  return recording(ctx, body.record_channels ?? 'dual', body.record_format ?? 'mp3');
}

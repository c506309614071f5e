import Type from 'typebox';
import { decoderOf, FarEndBehaviour, type Decoder } from '@switchboard/core/contract';
import type { Json, JsonObject } from '../../storage/json.js';
import type { CallState } from './call-state.js';

/**
 * The stored documents of the Call Control emulator, declared: a call (`call`) and its command
 * log (`call_commands`). Reads go through their decoders, so a document that is not what the
 * code expects is a fault with its path, never a cast.
 */

const Str = Type.String();
const Num = Type.Number();
const NullableStr = Type.Union([Str, Type.Null()]);
const NullableNum = Type.Union([Num, Type.Null()]);
const StringMap = Type.Record(Type.String(), Type.String());

const Routing = Type.Object({
  webhookUrl: NullableStr,
  webhookMethod: Type.Enum(['POST', 'GET']),
  webhookUrls: StringMap,
  webhookUrlsMethod: Type.Enum(['POST', 'GET']),
  retries: Type.Record(Type.String(), Type.Array(Num)),
});

const MediaItem = Type.Object({
  kind: Type.Enum(['speak', 'playback']),
  durationMs: Num,
  mediaUrl: NullableStr,
  mediaName: NullableStr,
  overlay: Type.Boolean(),
  speech: Type.Union([Type.Object({ text: Str, voice: Str, language: NullableStr }), Type.Null()]),
  failure: Type.Optional(
    Type.Object({ status: Type.Enum(['file_not_found', 'failed']), detail: Str }),
  ),
  endless: Type.Optional(Type.Boolean()),
});

const GatherState = Type.Object({
  digits: Str,
  minimum: Num,
  maximum: Num,
  terminator: Str,
  validDigits: Str,
  initialMs: Num,
  interDigitMs: Num,
  deadline: NullableNum,
  timeoutMs: Num,
  triesLeft: Num,
  prompt: Type.Union([MediaItem, Type.Null()]),
  collecting: Type.Boolean(),
});

const RecordingState = Type.Object({
  id: Str,
  channels: Type.Enum(['single', 'dual']),
  format: Type.Enum(['mp3', 'wav']),
  startedAt: Num,
  pausedAt: Type.Optional(NullableNum),
  pausedMs: Type.Optional(Num),
});

const StreamRequest = Type.Object({
  streamId: Str,
  url: Str,
  track: Type.Enum(['inbound_track', 'outbound_track', 'both_tracks']),
  codec: Type.Enum(['PCMU', 'PCMA', 'G722', 'OPUS', 'AMR-WB', 'L16', 'default']),
  bidirectionalMode: Type.Enum(['mp3', 'rtp']),
  bidirectionalCodec: Type.Enum(['PCMU', 'PCMA', 'G722', 'OPUS', 'AMR-WB', 'L16']),
  bidirectionalRate: Num,
  authToken: NullableStr,
  customParameters: StringMap,
});

const QueueState = Type.Object({ name: Str, enqueuedAt: Num, position: Num });

const CallTimer = Type.Object({
  id: Str,
  at: Num,
  kind: Type.Enum([
    'ring_outcome',
    'dial_timeout',
    'time_limit',
    'amd_result',
    'amd_greeting',
    'media_end',
    'prompt_end',
    'gather_timeout',
    'queue_timeout',
    'refer_outcome',
    'ai_gather_timeout',
  ]),
});

const JoinOptions = Type.Object({
  muted: Type.Boolean(),
  hold: Type.Boolean(),
  holdAudioUrl: NullableStr,
  holdMediaName: NullableStr,
  startOnEnter: Type.Boolean(),
  endOnExit: Type.Boolean(),
  softEndOnExit: Type.Boolean(),
  supervisorRole: Type.Enum(['barge', 'monitor', 'none', 'whisper']),
  whisperIds: Type.Array(Str),
  beep: Type.Union([Type.Enum(['always', 'never', 'on_enter', 'on_exit']), Type.Null()]),
});

const ConferenceConfig = Type.Object({ id: NullableStr, name: NullableStr, options: JoinOptions });

const ConversationState = Type.Object({
  id: Str,
  kind: Type.Enum(['ai_assistant', 'conversation_relay', 'ai_gather']),
  startedAt: Num,
  assistantId: NullableStr,
  history: Type.Array(Type.Object({ role: Type.Enum(['assistant', 'user']), content: Str })),
  gather: Type.Union([
    Type.Object({
      fields: StringMap,
      required: Type.Array(Str),
      result: Type.Record(Type.String(), Type.Union([Str, Num, Type.Boolean()])),
      timeoutMs: Num,
    }),
    Type.Null(),
  ]),
});

const CallExtras = Type.Object({
  siprec: Type.Boolean(),
  suppression: Type.Boolean(),
  supervisorRole: Type.Union([Type.Enum(['barge', 'whisper', 'monitor']), Type.Null()]),
  conversation: Type.Union([ConversationState, Type.Null()]),
  refer: Type.Union([
    Type.Object({ sipAddress: Str, outcome: Type.Enum(['completed', 'failed']), sipCode: Num }),
    Type.Null(),
  ]),
});

/** A stored call (`call`): its whole state machine, so a restart picks it up where it was. */
export const StoredCall = Type.Object({
  id: Str,
  accountId: Str,
  legId: Str,
  sessionId: Str,
  connectionId: Str,
  from: Str,
  to: Str,
  direction: Type.Enum(['incoming', 'outgoing']),
  phase: Type.Enum(['dialing', 'parked', 'answered', 'ended']),
  farEnd: FarEndBehaviour,
  amd: Type.Enum(['disabled', 'detect', 'detect_beep', 'detect_words', 'greeting_end', 'premium']),
  clientState: NullableStr,
  routing: Routing,
  startedAt: Num,
  answeredAt: NullableNum,
  endedAt: NullableNum,
  media: Type.Array(MediaItem),
  gather: Type.Union([GatherState, Type.Null()]),
  recording: Type.Union([RecordingState, Type.Null()]),
  recordOnAnswer: Type.Union([RecordingState, Type.Null()]),
  forking: Type.Boolean(),
  transcribing: Type.Boolean(),
  stream: Type.Union([StreamRequest, Type.Null()]),
  streamOnAnswer: Type.Union([StreamRequest, Type.Null()]),
  queue: Type.Union([QueueState, Type.Null()]),
  bridgedWith: NullableStr,
  parkAfterUnbridge: Type.Boolean(),
  transferOf: NullableStr,
  timers: Type.Array(CallTimer),
  commandIds: Type.Record(Type.String(), Num),
  timerSeq: Num,
  conferenceId: Type.Optional(NullableStr),
  conferenceOnAnswer: Type.Optional(Type.Union([ConferenceConfig, Type.Null()])),
  extras: Type.Optional(CallExtras),
});

export const decodeCall: Decoder<CallState> = decoderOf('call', StoredCall);

/** One logged command or far-end action. */
const StoredCommandEntry = Type.Object({
  at: Num,
  source: Type.Enum(['command', 'far_end']),
  action: Str,
  status: Num,
  body: Type.Unsafe<Json>(Type.Unknown()),
});

/** A call's command log (`call_commands`). */
export const StoredCommandLog = Type.Object({ entries: Type.Array(StoredCommandEntry) });

export const decodeCommandLog: Decoder<{ readonly entries: readonly CommandEntry[] }> = decoderOf(
  'call_commands',
  StoredCommandLog,
);

/** A JSON copy of a value: what storing it keeps (members that are undefined are dropped). */
export function jsonOf(value: unknown): Json {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (Array.isArray(value)) return value.map(jsonOf);
  if (typeof value === 'object') return jsonObjectOf(value);
  return null;
}

/** The same for an object: the document a store keeps. */
export function jsonObjectOf(value: object): JsonObject {
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, member]) => member !== undefined)
      .map(([name, member]) => [name, jsonOf(member)]),
  );
}

export interface CommandEntry {
  readonly at: number;
  /** `command` for the app's Call Control commands, `far_end` for the simulator's actions. */
  readonly source: 'command' | 'far_end';
  readonly action: string;
  readonly status: number;
  readonly body: Json;
}

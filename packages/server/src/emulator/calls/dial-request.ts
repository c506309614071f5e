import Type, { type Static } from 'typebox';
import { EXPECTED, HttpUrl, Int, LENIENT, OneOf, Text } from '@switchboard/core/contract';
import { missingIssue } from '../../http/validation/issues.js';
import { DEFAULT_JOIN } from '../conferences/join-options.js';
import type { ConferenceConfig } from './call-extras.js';
import type { AmdMode, RecordingState, Routing } from './call-state.js';
import {
  phoneOf,
  RECORD_ON_ANSWER_FIELDS,
  recordFromAnswer,
  type ParseContext,
} from './command-bodies.js';
import { COMMON_FIELDS, commonOf } from './common-params.js';
import { FoundIssues } from './found-issues.js';
import { STREAM_FIELDS, streamOf, type StreamRequest } from './stream-request.js';

const AMD_MODES = [
  'disabled',
  'detect',
  'detect_beep',
  'detect_words',
  'greeting_end',
  'premium',
] as const satisfies readonly AmdMode[];

const E164_OR_SIP = 'A +E.164 number or a sip: URI';

/** Dial's `conference_config`: join the conference `id` (or named `conference_name`) on answer. */
const ConferenceConfigBody = Type.Object(
  {
    id: Type.Optional(Text()),
    conference_name: Type.Optional(Text()),
    mute: Type.Optional(Type.Boolean()),
    hold: Type.Optional(Type.Boolean()),
    hold_audio_url: Type.Optional(HttpUrl()),
    hold_media_name: Type.Optional(Text()),
    start_conference_on_enter: Type.Optional(Type.Boolean()),
    end_conference_on_exit: Type.Optional(Type.Boolean()),
    soft_end_conference_on_exit: Type.Optional(Type.Boolean()),
    supervisor_role: Type.Optional(OneOf(['barge', 'monitor', 'none', 'whisper'])),
    whisper_call_control_ids: Type.Optional(
      Type.Array(Type.String(), { [EXPECTED]: 'an array of call control ids' }),
    ),
    beep_enabled: Type.Optional(OneOf(['always', 'never', 'on_enter', 'on_exit'])),
  },
  { [LENIENT]: true, [EXPECTED]: 'an object' },
);

/** The body of `POST /v2/calls`. */
export const DialBody = Type.Object(
  {
    ...COMMON_FIELDS,
    connection_id: Text({ description: 'The Call Control Application that places the call' }),
    to: Text({ description: E164_OR_SIP }),
    from: Text({ description: E164_OR_SIP }),
    answering_machine_detection: Type.Optional(
      OneOf(AMD_MODES, { description: 'Default disabled' }),
    ),
    timeout_secs: Type.Optional(Int(5, 600)),
    time_limit_secs: Type.Optional(Int(30, 14_400)),
    ...RECORD_ON_ANSWER_FIELDS,
    ...STREAM_FIELDS,
    conference_config: Type.Optional(ConferenceConfigBody),
  },
  { [LENIENT]: true },
);
export type DialBody = Static<typeof DialBody>;

/** A validated Dial (`POST /v2/calls`) body. */
export interface DialRequest {
  readonly connectionId: string;
  readonly to: string;
  readonly from: string;
  readonly clientState: string | null;
  readonly commandId: string | null;
  readonly routing: Partial<Routing> | null;
  readonly amd: AmdMode;
  readonly timeoutSecs: number;
  readonly timeLimitSecs: number;
  readonly recordOnAnswer: RecordingState | null;
  readonly stream: StreamRequest | null;
  readonly conferenceConfig: ConferenceConfig | null;
}

/** Reads a checked Dial body; throws one 422 naming every rule it breaks (10016 not E.164). */
export function dialRequestOf(body: DialBody, ctx: ParseContext): DialRequest {
  const issues = new FoundIssues();
  const request: DialRequest = {
    connectionId: body.connection_id,
    to: phoneOf(body.to, 'to', issues) ?? '',
    from: phoneOf(body.from, 'from', issues) ?? '',
    ...commonOf(body, issues),
    amd: body.answering_machine_detection ?? 'disabled',
    timeoutSecs: body.timeout_secs ?? 30,
    timeLimitSecs: body.time_limit_secs ?? 14_400,
    recordOnAnswer: recordFromAnswer(body, ctx),
    stream: streamOf(body, ctx.newId, false, issues),
    conferenceConfig: conferenceConfigOf(body.conference_config, issues),
  };
  issues.done();
  return request;
}

function conferenceConfigOf(
  config: Static<typeof ConferenceConfigBody> | undefined,
  issues: FoundIssues,
): ConferenceConfig | null {
  if (config === undefined) return null;
  if (config.id === undefined && config.conference_name === undefined)
    issues.report(missingIssue({ pointer: '/conference_config/conference_name' }));
  const whisperIds = config.whisper_call_control_ids ?? [];
  return {
    id: config.id ?? null,
    name: config.conference_name ?? null,
    options: {
      muted: config.mute ?? false,
      hold: config.hold ?? false,
      holdAudioUrl: config.hold_audio_url ?? null,
      holdMediaName: config.hold_media_name ?? null,
      startOnEnter: config.start_conference_on_enter ?? DEFAULT_JOIN.startOnEnter,
      endOnExit: config.end_conference_on_exit ?? false,
      softEndOnExit: config.soft_end_conference_on_exit ?? false,
      supervisorRole: config.supervisor_role ?? 'none',
      whisperIds,
      beep: config.beep_enabled ?? null,
    },
  };
}

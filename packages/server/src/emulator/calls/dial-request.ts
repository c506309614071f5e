import { invalidIssue, missingIssue } from '../../api/validation/issues.js';
import { readJoinOptions } from '../conferences/conference-requests.js';
import { BodyReader, isRecord } from './body-reader.js';
import type { ConferenceConfig } from './call-extras.js';
import type { AmdMode, RecordingState, Routing } from './call-state.js';
import { phone, recordFromAnswer, type ParseContext } from './command-bodies.js';
import { readCommon } from './common-params.js';
import { readStreamRequest, type StreamRequest } from './stream-request.js';

const AMD_MODES: readonly AmdMode[] = [
  'disabled',
  'detect',
  'detect_beep',
  'detect_words',
  'greeting_end',
  'premium',
];

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

/** Reads a Dial body; throws one 422 naming every bad field (10004 missing, 10016 not E.164). */
export function readDialRequest(body: unknown, ctx: ParseContext): DialRequest {
  const reader = new BodyReader(body);
  const connectionId = reader.string('connection_id', { required: true });
  const to = phone(reader, 'to', true);
  const from = phone(reader, 'from', true);
  const common = readCommon(reader);
  const request = {
    ...common,
    amd: reader.oneOf('answering_machine_detection', AMD_MODES, 'disabled'),
    timeoutSecs: reader.int('timeout_secs', 5, 600, 30),
    timeLimitSecs: reader.int('time_limit_secs', 30, 14_400, 14_400),
    recordOnAnswer: recordFromAnswer(reader, ctx),
    stream: readStreamRequest(reader, ctx.newId, false),
  };
  const conferenceConfig = readConferenceConfig(reader);
  reader.done();
  return {
    connectionId: connectionId ?? '',
    to: to ?? '',
    from: from ?? '',
    ...request,
    conferenceConfig,
  };
}

/** `conference_config`: join the conference `id` (or named `conference_name`) on answer. */
function readConferenceConfig(reader: BodyReader): ConferenceConfig | null {
  const value = reader.body['conference_config'];
  if (value === undefined || value === null) return null;
  if (!isRecord(value)) {
    reader.report(invalidIssue({ pointer: '/conference_config' }, 'an object'));
    return null;
  }
  const sub = new BodyReader(value);
  const config = {
    id: sub.string('id'),
    name: sub.string('conference_name'),
    options: readJoinOptions(sub),
  };
  if (config.id === null && config.name === null)
    sub.report(missingIssue({ pointer: '/conference_config/conference_name' }));
  sub.done();
  return config;
}

import Type, { type Static, type TObject } from 'typebox';
import { OneOf, Text } from '@switchboard/core/contract';
import { invalidIssue, missingIssue } from '../../http/validation/issues.js';
import type { FoundIssues } from './found-issues.js';

export type StreamTrack = 'inbound_track' | 'outbound_track' | 'both_tracks';

const TRACKS = ['inbound_track', 'outbound_track', 'both_tracks'] as const;
const CODECS = ['PCMU', 'PCMA', 'G722', 'OPUS', 'AMR-WB', 'L16', 'default'] as const;
const BIDIRECTIONAL_CODECS = ['PCMU', 'PCMA', 'G722', 'OPUS', 'AMR-WB', 'L16'] as const;
const WEBSOCKET_URL = /^wss?:\/\/[^/\s]+/;

/**
 * A media stream as asked for by `streaming_start`, or by `stream_url` on dial and answer.
 * Stored with the call (plain JSON), so the audio side can open it when the stream starts.
 */
export interface StreamRequest {
  readonly streamId: string;
  readonly url: string;
  readonly track: StreamTrack;
  readonly codec: (typeof CODECS)[number];
  readonly bidirectionalMode: 'mp3' | 'rtp';
  readonly bidirectionalCodec: (typeof BIDIRECTIONAL_CODECS)[number];
  readonly bidirectionalRate: number;
  readonly authToken: string | null;
  readonly customParameters: Readonly<Record<string, string>>;
}

/** The stream members of streaming_start, Dial and Answer (`stream_url` checked in code: ws/wss). */
export const STREAM_FIELDS = {
  stream_url: Type.Optional(Text({ description: 'A ws:// or wss:// URL' })),
  stream_track: Type.Optional(OneOf(TRACKS, { description: 'Default inbound_track' })),
  stream_codec: Type.Optional(OneOf(CODECS, { description: 'Default "default"' })),
  stream_bidirectional_mode: Type.Optional(OneOf(['mp3', 'rtp'], { description: 'Default mp3' })),
  stream_bidirectional_codec: Type.Optional(
    OneOf(BIDIRECTIONAL_CODECS, { description: 'Default PCMU' }),
  ),
  stream_bidirectional_sampling_rate: Type.Optional(
    Type.Union([
      Type.Literal(8000),
      Type.Literal(16_000),
      Type.Literal(22_050),
      Type.Literal(24_000),
      Type.Literal(48_000),
    ]),
  ),
  stream_auth_token: Type.Optional(Text({ maxLength: 4000 })),
  custom_parameters: Type.Optional(
    Type.Array(Type.Object({ name: Type.String(), value: Type.String() }), {
      description: 'Sent in the start frame as { name: value }',
    }),
  ),
};

type StreamBody = Static<TObject<typeof STREAM_FIELDS>>;

/** The stream of a declared body; null when it has no `stream_url` (422 when `required`). */
export function streamOf(
  body: StreamBody,
  newId: () => string,
  required: boolean,
  issues: FoundIssues,
): StreamRequest | null {
  const url = streamUrlOf(body.stream_url, required, issues);
  if (url === null) return null;
  return {
    streamId: newId(),
    url,
    track: body.stream_track ?? 'inbound_track',
    codec: body.stream_codec ?? 'default',
    bidirectionalMode: body.stream_bidirectional_mode ?? 'mp3',
    bidirectionalCodec: body.stream_bidirectional_codec ?? 'PCMU',
    bidirectionalRate: body.stream_bidirectional_sampling_rate ?? 8000,
    authToken: body.stream_auth_token ?? null,
    customParameters: Object.fromEntries(
      (body.custom_parameters ?? []).map(({ name, value }) => [name, value]),
    ),
  };
}

/** Media stream targets are WebSocket URLs (`wss://…`). */
function streamUrlOf(
  value: string | undefined,
  required: boolean,
  issues: FoundIssues,
): string | null {
  if (value === undefined)
    return required ? issues.report(missingIssue({ pointer: '/stream_url' })) : null;
  if (WEBSOCKET_URL.test(value)) return value;
  return issues.report(invalidIssue({ pointer: '/stream_url' }, 'a ws:// or wss:// URL'));
}

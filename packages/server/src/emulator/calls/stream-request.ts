import { enumIssue } from '../../api/validation/issues.js';
import type { BodyReader } from './body-reader.js';
import { invalidIssue } from '../../api/validation/issues.js';

export type StreamTrack = 'inbound_track' | 'outbound_track' | 'both_tracks';

const TRACKS: readonly StreamTrack[] = ['inbound_track', 'outbound_track', 'both_tracks'];
const CODECS = ['PCMU', 'PCMA', 'G722', 'OPUS', 'AMR-WB', 'L16', 'default'] as const;
const BIDIRECTIONAL_CODECS = ['PCMU', 'PCMA', 'G722', 'OPUS', 'AMR-WB', 'L16'] as const;
const RATES: readonly number[] = [8000, 16_000, 22_050, 24_000, 48_000];

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

/** The stream fields of a body; null when it has no `stream_url` (422 when `required`). */
export function readStreamRequest(
  reader: BodyReader,
  newId: () => string,
  required: boolean,
): StreamRequest | null {
  const url = readStreamUrl(reader, 'stream_url');
  if (url === null && required) reader.string('stream_url', { required: true });
  const request = {
    track: reader.oneOf('stream_track', TRACKS, 'inbound_track'),
    codec: reader.oneOf('stream_codec', CODECS, 'default'),
    bidirectionalMode: reader.oneOf('stream_bidirectional_mode', ['mp3', 'rtp'], 'mp3'),
    bidirectionalCodec: reader.oneOf('stream_bidirectional_codec', BIDIRECTIONAL_CODECS, 'PCMU'),
    bidirectionalRate: readRate(reader),
    authToken: readAuthToken(reader),
    customParameters: readCustomParameters(reader),
  };
  return url === null ? null : { streamId: newId(), url, ...request };
}

/** Sampling rates are numbers in the spec; numeric strings are accepted like other integers. */
function readRate(reader: BodyReader): number {
  const value = reader.body['stream_bidirectional_sampling_rate'];
  if (value === undefined || value === null || value === '') return 8000;
  const rate = typeof value === 'number' || typeof value === 'string' ? Number(value) : NaN;
  if (RATES.includes(rate)) return rate;
  reader.report(enumIssue({ pointer: '/stream_bidirectional_sampling_rate' }, RATES.map(String)));
  return 8000;
}

function readAuthToken(reader: BodyReader): string | null {
  const token = reader.string('stream_auth_token');
  if (token === null || token.length <= 4000) return token;
  return reader.report({
    code: '10015',
    title: 'Invalid value',
    detail: "The 'stream_auth_token' parameter may hold at most 4000 characters.",
    pointer: '/stream_auth_token',
  });
}

/** `custom_parameters: [{ name, value }]`, as the `start` frame's `custom_parameters` object. */
function readCustomParameters(reader: BodyReader): Record<string, string> {
  const value = reader.body['custom_parameters'];
  if (value === undefined || value === null) return {};
  const pairs = Array.isArray(value) ? value : null;
  const entries = pairs?.map((pair: unknown) => {
    const { name, value: text } = (pair ?? {}) as { name?: unknown; value?: unknown };
    return typeof name === 'string' && typeof text === 'string' ? ([name, text] as const) : null;
  });
  if (entries === undefined || entries.some((entry) => entry === null)) {
    reader.report({
      code: '10015',
      title: 'Invalid value',
      detail: "'custom_parameters' must be a list of { name, value } strings.",
      pointer: '/custom_parameters',
    });
    return {};
  }
  return Object.fromEntries(entries as [string, string][]);
}

/** Media stream targets are WebSocket URLs (`wss://…`). */
function readStreamUrl(reader: BodyReader, name: string): string | null {
  const value = reader.string(name);
  if (value === null || /^wss?:\/\/[^/\s]+/.test(value)) return value;
  return reader.report(invalidIssue({ pointer: `/${name}` }, 'a ws:// or wss:// URL'));
}

import type { StreamTrack } from '../calls/stream-request.js';
import type { StreamCodec } from './stream-codec.js';

export type { StreamTrack };

/** Audio the app sends back: `rtp` is raw codec bytes, `mp3` whole MP3 files. */
export interface Bidirectional {
  readonly mode: 'rtp' | 'mp3';
  readonly codec: StreamCodec;
  readonly rate: number;
}

/** Everything a media stream needs to open and describe itself, taken from the call's command. */
export interface StreamSpec {
  readonly streamId: string;
  readonly url: string;
  readonly track: StreamTrack;
  readonly codec: StreamCodec;
  readonly bidirectional: Bidirectional | null;
  readonly authToken: string | null;
  readonly customParameters: Readonly<Record<string, string>>;
  readonly clientState: string | null;
  readonly accountId: string;
  readonly callControlId: string;
  readonly callSessionId: string;
  readonly from: string;
  readonly to: string;
}

export function sendsTrack(spec: StreamSpec, track: 'inbound' | 'outbound'): boolean {
  return spec.track === 'both_tracks' || spec.track === `${track}_track`;
}

import alawmulaw from 'alawmulaw';
import { CALL_RATE, resample, type Pcm } from './call-pcm.js';

// A CommonJS package: Node's ESM loader sees only its default export.
const { alaw, mulaw } = alawmulaw;

/** The codecs a media stream can carry here; Telnyx's others fall back to the call's PCMU. */
export type StreamCodec = 'PCMU' | 'PCMA' | 'L16';

export const L16_RATE = 16_000;

export interface MediaFormat {
  readonly encoding: StreamCodec;
  readonly sample_rate: number;
  readonly channels: 1;
}

/**
 * `stream_codec` as asked for. G722, OPUS and AMR-WB need encoders that do not install from npm
 * without native builds, so they stream as `default` does: the call's own codec, PCMU. The
 * `start` frame's `media_format` says what is actually sent.
 */
export function streamCodecOf(asked: string | null): StreamCodec {
  return asked === 'PCMA' || asked === 'L16' ? asked : 'PCMU';
}

export function mediaFormat(codec: StreamCodec, rate = codecRate(codec)): MediaFormat {
  return { encoding: codec, sample_rate: rate, channels: 1 };
}

export function codecRate(codec: StreamCodec): number {
  return codec === 'L16' ? L16_RATE : CALL_RATE;
}

/** Call audio (8 kHz PCM) as the codec's payload bytes. L16 is big-endian, as RFC 2586 has it. */
export function encodePayload(samples: Pcm, codec: StreamCodec, rate = codecRate(codec)): Buffer {
  if (codec === 'PCMU') return Buffer.from(mulaw.encode(samples));
  if (codec === 'PCMA') return Buffer.from(alaw.encode(samples));
  const wide = resample(samples, CALL_RATE, rate);
  const bytes = Buffer.alloc(wide.length * 2);
  wide.forEach((sample, i) => bytes.writeInt16BE(sample, i * 2));
  return bytes;
}

/** A payload the app sent, back to call audio. An odd L16 byte count drops the last byte. */
export function decodePayload(bytes: Uint8Array, codec: StreamCodec, rate = codecRate(codec)): Pcm {
  if (codec === 'PCMU') return mulaw.decode(bytes);
  if (codec === 'PCMA') return alaw.decode(bytes);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const wide = new Int16Array(Math.floor(bytes.byteLength / 2));
  for (let i = 0; i < wide.length; i++) wide[i] = view.getInt16(i * 2, false);
  return resample(wide, rate, CALL_RATE);
}

import { Mp3Encoder } from '@breezystack/lamejs';
import wavefile from 'wavefile';
import { CALL_RATE, type Pcm } from './call-pcm.js';
import { mixed, type RecordedAudio } from './call-recorder.js';

export type RecordingFormat = 'wav' | 'mp3';
export type RecordingChannels = 'single' | 'dual';

/**
 * A recording file: `single` mixes both sides, `dual` puts the caller (inbound) left and what the
 * call played (outbound) right, as Telnyx's dual-channel recordings do.
 */
export function encodeRecording(
  audio: RecordedAudio,
  format: RecordingFormat,
  channels: RecordingChannels,
): Buffer {
  const sides = channels === 'dual' ? [audio.inbound, audio.outbound] : [mixed(audio)];
  return format === 'wav' ? wav(sides) : mp3(sides);
}

function wav(sides: readonly Pcm[]): Buffer {
  const file = new wavefile.WaveFile();
  file.fromScratch(
    sides.length,
    CALL_RATE,
    '16',
    sides.map((side) => Array.from(side)),
  );
  return Buffer.from(file.toBuffer());
}

const MP3_KBPS = 32;
const MP3_BLOCK = 1152;

function mp3(sides: readonly Pcm[]): Buffer {
  const [left, right] = sides;
  const encoder = new Mp3Encoder(sides.length, CALL_RATE, MP3_KBPS);
  const parts: Uint8Array[] = [];
  const length = left?.length ?? 0;
  for (let i = 0; i < length; i += MP3_BLOCK) {
    const l = (left ?? new Int16Array(0)).subarray(i, i + MP3_BLOCK);
    const r = right?.subarray(i, i + MP3_BLOCK);
    parts.push(r === undefined ? encoder.encodeBuffer(l) : encoder.encodeBuffer(l, r));
  }
  parts.push(encoder.flush());
  return Buffer.concat(parts);
}

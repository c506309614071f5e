import wavefile from 'wavefile';
import type { AudioThread } from './audio-thread.js';
import { CALL_RATE, type Pcm } from './call-pcm.js';
import { mixed, type RecordedAudio } from './call-recorder.js';

export type RecordingFormat = 'wav' | 'mp3';
export type RecordingChannels = 'single' | 'dual';

/** Telephone speech needs little: 32 kbit/s at 8 kHz is clear and small. */
const MP3_KBPS = 32;

/**
 * A recording file: `single` mixes both sides, `dual` puts the caller (inbound) left and what the
 * call played (outbound) right, as Telnyx's dual-channel recordings do. WAV is a header on the
 * samples; MP3 is encoded on the audio thread, since LAME takes about a second a minute.
 */
export async function encodeRecording(
  audio: RecordedAudio,
  format: RecordingFormat,
  channels: RecordingChannels,
  thread: AudioThread,
): Promise<Buffer> {
  const sides = channels === 'dual' ? [audio.inbound, audio.outbound] : [mixed(audio)];
  return format === 'wav' ? wav(sides) : thread.encodeMp3(sides, CALL_RATE, MP3_KBPS);
}

function wav(sides: readonly Pcm[]): Buffer {
  const file = new wavefile.WaveFile();
  file.fromScratch(sides.length, CALL_RATE, '16', sides.length === 1 ? (sides[0] ?? []) : sides);
  return Buffer.from(file.toBuffer());
}

import { MPEGDecoder } from 'mpg123-decoder';
import wavefile from 'wavefile';
import { CALL_RATE, resample, type Pcm } from './call-pcm.js';

/** Longest audio file decoded for a call: Telnyx caps playback files too; 10 minutes here. */
const MAX_SECONDS = 600;

export class AudioDecodeError extends Error {
  readonly code = 'audio_undecodable';
}

/** A WAV or MP3 file (recognised by its bytes, not its name) as call audio; mono, 8 kHz. */
export async function decodeAudioFile(bytes: Uint8Array): Promise<Pcm> {
  if (isWav(bytes)) return decodeWav(bytes);
  return decodeMp3(bytes);
}

function isWav(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.subarray(0, 4)).toString('latin1') === 'RIFF';
}

function decodeWav(bytes: Uint8Array): Pcm {
  try {
    const file = new wavefile.WaveFile(bytes);
    file.toBitDepth('16');
    file.toSampleRate(CALL_RATE);
    const samples = file.getSamples(false, Int16Array) as unknown;
    const channels = Array.isArray(samples) ? (samples as Int16Array[]) : [samples as Int16Array];
    return bounded(downmix(channels));
  } catch (error) {
    throw new AudioDecodeError(`not a WAV file this server can read: ${String(error)}`);
  }
}

async function decodeMp3(bytes: Uint8Array): Promise<Pcm> {
  const decoder = new MPEGDecoder();
  await decoder.ready;
  try {
    const decoded = decoder.decode(bytes);
    if (decoded.samplesDecoded === 0) throw new AudioDecodeError('not a WAV or MP3 file');
    const channels = decoded.channelData.map(floatToPcm);
    return bounded(resample(downmix(channels), decoded.sampleRate, CALL_RATE));
  } finally {
    decoder.free();
  }
}

function floatToPcm(channel: Float32Array): Pcm {
  const out = new Int16Array(channel.length);
  for (let i = 0; i < channel.length; i++) {
    const value = Math.max(-1, Math.min(1, channel[i] ?? 0));
    out[i] = Math.round(value * 32767);
  }
  return out;
}

function downmix(channels: readonly Pcm[]): Pcm {
  const [first] = channels;
  if (first === undefined) return new Int16Array(0);
  if (channels.length === 1) return first;
  const out = new Int16Array(first.length);
  for (let i = 0; i < out.length; i++) {
    let sum = 0;
    for (const channel of channels) sum += channel[i] ?? 0;
    out[i] = Math.round(sum / channels.length);
  }
  return out;
}

function bounded(samples: Pcm): Pcm {
  return samples.length > MAX_SECONDS * CALL_RATE
    ? samples.subarray(0, MAX_SECONDS * CALL_RATE)
    : samples;
}

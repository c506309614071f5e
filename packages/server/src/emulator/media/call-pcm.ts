/**
 * The emulator's one internal audio format: 16-bit signed mono PCM at 8 kHz, the rate of the
 * telephone network. Everything a call hears or says is converted to it once, on the way in.
 */
export const CALL_RATE = 8000;

/** 20 ms, the packetisation interval of telephone RTP: 160 samples at 8 kHz. */
export const FRAME_MS = 20;
export const FRAME_SAMPLES = (CALL_RATE * FRAME_MS) / 1000;

export type Pcm = Int16Array;

export function durationMs(samples: Pcm): number {
  return Math.round((samples.length * 1000) / CALL_RATE);
}

/** Root-mean-square level, 0 for silence, about 23,000 for a full-scale sine. */
export function rms(samples: Pcm): number {
  if (samples.length === 0) return 0;
  let sum = 0;
  for (const sample of samples) sum += sample * sample;
  return Math.sqrt(sum / samples.length);
}

/** Adds `source` into `target` from `offset`, clipping at full scale. */
export function mixInto(target: Pcm, source: Pcm, offset = 0): void {
  const end = Math.min(target.length, offset + source.length);
  for (let i = offset; i < end; i++) {
    const sum = (target[i] ?? 0) + (source[i - offset] ?? 0);
    target[i] = sum > 32767 ? 32767 : sum < -32768 ? -32768 : sum;
  }
}

/** Linear interpolation; good enough between 8 and 16 kHz speech, where nothing is above 4 kHz. */
export function resample(samples: Pcm, fromRate: number, toRate: number): Pcm {
  if (fromRate === toRate) return samples;
  const length = Math.floor((samples.length * toRate) / fromRate);
  const out = new Int16Array(length);
  const step = fromRate / toRate;
  for (let i = 0; i < length; i++) {
    const position = i * step;
    const index = Math.floor(position);
    const fraction = position - index;
    const a = samples[index] ?? 0;
    const b = samples[index + 1] ?? a;
    out[i] = Math.round(a + (b - a) * fraction);
  }
  return out;
}

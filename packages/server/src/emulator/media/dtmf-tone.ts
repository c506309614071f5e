import { CALL_RATE, type Pcm } from './call-pcm.js';

/** The DTMF grid: each key is one row frequency plus one column frequency (ITU-T Q.23). */
const KEYS = ['123A', '456B', '789C', '*0#D'] as const;
const ROW_HZ = [697, 770, 852, 941] as const;
const COLUMN_HZ = [1209, 1336, 1477, 1633] as const;

const FREQUENCIES = new Map<string, readonly [number, number]>(
  KEYS.flatMap((row, r) =>
    Array.from(row, (key) => key).map(
      (key, c) => [key, [ROW_HZ[r] ?? 0, COLUMN_HZ[c] ?? 0]] as const,
    ),
  ),
);

/** How long one key press sounds; Q.24 asks receivers to accept 40 ms and more. */
export const DTMF_TONE_MS = 100;

/** The in-band tone of one key, or null for a character that is not a DTMF key. */
export function dtmfTone(key: string, ms = DTMF_TONE_MS): Pcm | null {
  const pair = FREQUENCIES.get(key.toUpperCase());
  if (pair === undefined) return null;
  const [low, high] = pair;
  const samples = new Int16Array(Math.round((CALL_RATE * ms) / 1000));
  for (let i = 0; i < samples.length; i++) {
    const t = i / CALL_RATE;
    const level = Math.sin(2 * Math.PI * low * t) + Math.sin(2 * Math.PI * high * t);
    samples[i] = Math.round(8000 * level);
  }
  return samples;
}

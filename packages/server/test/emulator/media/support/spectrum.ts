/** The power of one frequency in `samples` (Goertzel), for checking what a recording holds. */
export function powerAt(samples: Int16Array, frequency: number, rate = 8000): number {
  const k = 2 * Math.cos((2 * Math.PI * frequency) / rate);
  let s1 = 0;
  let s2 = 0;
  for (const sample of samples) {
    const s0 = sample + k * s1 - s2;
    s2 = s1;
    s1 = s0;
  }
  return s1 * s1 + s2 * s2 - k * s1 * s2;
}

/** The loudest frequency among `candidates`. */
export function peakOf(samples: Int16Array, candidates: readonly number[]): number {
  let best = candidates[0] ?? 0;
  for (const frequency of candidates)
    if (powerAt(samples, frequency) > powerAt(samples, best)) best = frequency;
  return best;
}

/** A sine tone at 8 kHz, as an app would stream it back. */
export function tone(frequency: number, ms: number, level = 12_000): Int16Array {
  const samples = new Int16Array((8000 * ms) / 1000);
  for (let i = 0; i < samples.length; i++)
    samples[i] = Math.round(level * Math.sin((2 * Math.PI * frequency * i) / 8000));
  return samples;
}

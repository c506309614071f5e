/**
 * A seeded PRNG (mulberry32) keyed by a seed and a list of parts, e.g. (seed, ordinal, fault):
 * each decision draws from its own stream, so adding a fault to a run does not change the draws
 * of the others, and a run replays exactly from its seed. Shared by the engine's and the
 * listener's fault injection, so one seed means the same thing in both.
 */
export function seededRandom(seed: number, ...parts: readonly (string | number)[]): () => number {
  let state = hashParts(seed, parts);
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** An integer in [min, max] from one draw. */
export function drawInteger(random: () => number, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

/** A shuffled copy of `items` (Fisher–Yates), driven by `random`. */
export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const result = [...items];
  for (let index = result.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [result[index], result[other]] = [result[other] as T, result[index] as T];
  }
  return result;
}

/** FNV-1a over the seed and the parts' text. */
function hashParts(seed: number, parts: readonly (string | number)[]): number {
  let hash = 0x811c9dc5 ^ seed;
  for (const char of parts.join('\u0000')) {
    hash ^= char.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

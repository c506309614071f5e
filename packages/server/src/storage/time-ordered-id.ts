import { randomFillSync } from 'node:crypto';

/** Random bytes are drawn in blocks: one `randomFillSync` call per 256 ids, not per id. */
const POOL_IDS = 256;
const RANDOM_BYTES = 10;

/**
 * A UUIDv7 (RFC 9562): 48 bits of Unix milliseconds, then 74 random bits. Ids made later sort
 * later, so inserting them appends to the primary-key and foreign-key B-trees instead of
 * splitting pages all over them, which is what random v4 ids do. They are still plain UUIDs to
 * every API client. `random` must hold at least 10 bytes from `offset`.
 */
export function uuidV7(now: number, random: Uint8Array, offset = 0): string {
  const time = Math.max(0, Math.floor(now)).toString(16).padStart(12, '0').slice(-12);
  const byte = (index: number): number => random[offset + index] ?? 0;
  const hex = (index: number): string => HEX[byte(index)] ?? '00';
  const versioned = HEX[0x70 | (byte(0) & 0x0f)] ?? '70';
  const variant = HEX[0x80 | (byte(2) & 0x3f)] ?? '80';
  return `${time.slice(0, 8)}-${time.slice(8)}-${versioned}${hex(1)}-${variant}${hex(3)}-${hex(4)}${hex(5)}${hex(6)}${hex(7)}${hex(8)}${hex(9)}`;
}

/** Two lowercase hex digits per byte value: three ids per delivery make this a hot path. */
const HEX: readonly string[] = Array.from({ length: 256 }, (_, value) =>
  value.toString(16).padStart(2, '0'),
);

/** Returns a UUIDv7 generator over the given clock (epoch ms), with bytes from the CSPRNG. */
export function timeOrderedIds(now: () => number = Date.now): () => string {
  const pool = new Uint8Array(POOL_IDS * RANDOM_BYTES);
  let next = POOL_IDS;
  return () => {
    if (next === POOL_IDS) {
      randomFillSync(pool);
      next = 0;
    }
    const offset = next * RANDOM_BYTES;
    next += 1;
    return uuidV7(now(), pool, offset);
  };
}

/** The process-wide generator on the real clock. */
export const newTimeOrderedId: () => string = timeOrderedIds();

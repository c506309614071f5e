/** Request and response parts recorded on an attempt are cut at 10 kB, as Telnyx's are. */
export const RECORD_LIMIT_BYTES = 10 * 1024;

const REPLACEMENT = '\uFFFD';

/** Cuts UTF-8 `bytes` to `limit` bytes, dropping a character split by the cut. */
export function decodeCapped(bytes: Uint8Array, limit = RECORD_LIMIT_BYTES): string {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, limit)).toString(
    'utf8',
  );
  return bytes.length > limit && text.endsWith(REPLACEMENT) ? text.slice(0, -1) : text;
}

/** Cuts a string to at most `limit` UTF-8 bytes. */
export function capText(text: string, limit = RECORD_LIMIT_BYTES): string {
  // Fast path: even at 3 bytes per UTF-16 unit the string fits.
  if (text.length * 3 <= limit) return text;
  return decodeCapped(Buffer.from(text, 'utf8'), limit);
}

/** Keeps `[name, value]` pairs while their total size stays within `limit` bytes. */
export function capHeaderPairs(
  pairs: readonly (readonly [string, string])[],
  limit = RECORD_LIMIT_BYTES,
): [string, string][] {
  // Fast path: even at 3 bytes per UTF-16 unit every pair fits.
  let units = 0;
  for (const [name, value] of pairs) units += name.length + value.length + 2;
  if (units * 3 <= limit) return pairs.map(([name, value]) => [name, value]);
  const kept: [string, string][] = [];
  let size = 0;
  for (const [name, value] of pairs) {
    size += Buffer.byteLength(name) + Buffer.byteLength(value) + 4;
    if (size > limit) break;
    kept.push([name, value]);
  }
  return kept;
}

/** Telnyx's limit for recorded header lists and bodies. */
export const RECORD_LIMIT_BYTES = 10_240;

const HIDDEN_HEADERS = new Set(['authorization', 'cookie', 'x-api-key']);

/** Cuts text to at most `limit` UTF-8 bytes without splitting a character. */
export function cutText(text: string, limit = RECORD_LIMIT_BYTES): string {
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length <= limit) return text;
  let end = limit;
  // Step back over continuation bytes (10xxxxxx) to the start of the cut character.
  while (end > 0 && ((bytes[end] ?? 0) & 0xc0) === 0x80) end -= 1;
  return bytes.subarray(0, end).toString('utf8');
}

/**
 * Keeps whole `[name, value]` pairs while their total size stays within `limit`; secret
 * values are hidden, names are kept.
 */
export function cutHeaders(
  headers: readonly (readonly [string, string])[],
  limit = RECORD_LIMIT_BYTES,
): [string, string][] {
  const kept: [string, string][] = [];
  let size = 0;
  for (const [name, value] of headers) {
    const shown = HIDDEN_HEADERS.has(name.toLowerCase()) ? '[hidden]' : value;
    size += Buffer.byteLength(name) + Buffer.byteLength(shown);
    if (size > limit) break;
    kept.push([name, shown]);
  }
  return kept;
}

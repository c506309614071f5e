/** A comma-separated list without blanks. */
export function listOf(text: string): string[] {
  return text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** `{ [key]: epoch ms }` of a declared date-time parameter, or nothing when it is absent. */
export function epochOf<K extends string>(
  key: K,
  isoDateTime: string | undefined,
): Partial<Record<K, number>> {
  if (isoDateTime === undefined) return {};
  const out: Partial<Record<K, number>> = {};
  out[key] = Date.parse(isoDateTime);
  return out;
}

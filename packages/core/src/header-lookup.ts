/** The header shapes receivers get: WHATWG `Headers`, Node's `IncomingHttpHeaders`, or a plain record. */
export type HeaderSource =
  | Headers
  | Readonly<Record<string, string | readonly string[] | undefined>>
  | readonly (readonly [string, string])[];

/** Case-insensitive lookup; a repeated header yields its first value. */
export function getHeader(headers: HeaderSource, name: string): string | undefined {
  const wanted = name.toLowerCase();
  if (typeof (headers as Headers).get === 'function' && !Array.isArray(headers)) {
    return (headers as Headers).get(wanted) ?? undefined;
  }
  if (Array.isArray(headers)) {
    const pairs = headers as readonly (readonly [string, string])[];
    return pairs.find(([key]) => key.toLowerCase() === wanted)?.[1];
  }
  const record = headers as Readonly<Record<string, string | readonly string[] | undefined>>;
  // Node lower-cases incoming header names, so the exact key is the common case.
  if (Object.hasOwn(record, wanted)) return firstValue(record[wanted]);
  for (const key of Object.keys(record)) {
    if (key.toLowerCase() === wanted) return firstValue(record[key]);
  }
  return undefined;
}

function firstValue(value: string | readonly string[] | undefined): string | undefined {
  return typeof value === 'string' ? value : value?.[0];
}

import { JsonTooDeepError, jsonDepthExceeds, MAX_JSON_DEPTH } from '@switchboard/core';

/**
 * Encodes a JSON value as a deepObject-style query string: `data[payload][to]=%2B1555…`, arrays
 * by index (`data[payload][to][0][phone_number]=…`). Keys are sorted so the same envelope always
 * gives the same bytes. `null` becomes an empty value; empty objects and arrays add nothing.
 *
 * Every character outside `A-Z a-z 0-9 - _ . ~` is percent-encoded (brackets excepted), which
 * the WHATWG URL parser leaves untouched, so the string signed is the string sent.
 *
 * Its walk recurses, so a value nested deeper than `MAX_JSON_DEPTH` is refused first
 * (`JsonTooDeepError`).
 */
export function encodeDeepObject(value: Readonly<Record<string, unknown>>): string {
  if (jsonDepthExceeds(value, MAX_JSON_DEPTH)) throw new JsonTooDeepError();
  const pairs: string[] = [];
  for (const key of Object.keys(value).sort()) {
    appendPairs(pairs, encodeComponent(key), value[key]);
  }
  return pairs.join('&');
}

function appendPairs(pairs: string[], name: string, value: unknown): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      appendPairs(pairs, `${name}[${index}]`, item);
    });
  } else if (typeof value === 'object' && value !== null) {
    for (const key of Object.keys(value).sort()) {
      const item: unknown = Reflect.get(value, key);
      appendPairs(pairs, `${name}[${encodeComponent(key)}]`, item);
    }
  } else if (value !== undefined) {
    pairs.push(`${name}=${encodeComponent(scalarText(value))}`);
  }
}

function scalarText(value: unknown): string {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  // Not reachable from a JSON envelope; kept total so odd input cannot throw.
  return JSON.stringify(value) || '';
}

function encodeComponent(text: string): string {
  return encodeURIComponent(text).replace(
    /[!'()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

import { UsageError } from '../client/cli-error.js';

/** Header `[name, value]` pairs in the order they were given. */
export type HeaderPairs = [string, string][];

/**
 * Reads headers in any of the three forms settled for `verify --headers-file`: a JSON object,
 * a JSON array of `[name, value]` pairs (as the Deliveries API records them), or raw
 * `Name: value` lines as copied from a terminal (a leading request or status line is skipped).
 */
export function parseHeaders(text: string): HeaderPairs {
  const trimmed = text.trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) return jsonHeaders(trimmed);
  return lineHeaders(trimmed);
}

function jsonHeaders(text: string): HeaderPairs {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new UsageError('the headers file starts like JSON but is not valid JSON');
  }
  if (Array.isArray(parsed)) return parsed.map(pairOf);
  return Object.entries(parsed as Record<string, unknown>).map(([name, value]) => [
    name,
    Array.isArray(value) ? value.map(String).join(', ') : String(value),
  ]);
}

function pairOf(entry: unknown): [string, string] {
  if (Array.isArray(entry) && entry.length === 2) return [String(entry[0]), String(entry[1])];
  throw new UsageError('a JSON array of headers must hold [name, value] pairs');
}

function lineHeaders(text: string): HeaderPairs {
  const pairs: HeaderPairs = [];
  for (const line of text.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    // "POST /webhooks HTTP/1.1" and "HTTP/1.1 200 OK" have no "name:" start; skip them.
    if (colon <= 0 || /\s/.test(line.slice(0, colon).trim())) continue;
    pairs.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
  }
  return pairs;
}

/** The first value of header `name`, compared case-insensitively. */
export function headerValue(pairs: HeaderPairs, name: string): string | undefined {
  const lower = name.toLowerCase();
  return pairs.find(([key]) => key.toLowerCase() === lower)?.[1];
}

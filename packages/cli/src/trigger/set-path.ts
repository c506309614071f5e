import { UsageError } from '../client/cli-error.js';

/** A JSON object the CLI edits in place. */
export type JsonRecord = Record<string, unknown>;

/**
 * Applies `--set path=value` overrides. The path is dotted (`data.payload.to`); the value is
 * parsed as JSON when it is valid JSON (`3`, `true`, `{"a":1}`), else kept as a string, so
 * `+15550001111` stays a string while `null` clears a field. Missing objects on the way are made.
 */
export function applySets(target: JsonRecord, sets: readonly string[]): JsonRecord {
  for (const set of sets) {
    const [path, value] = splitSet(set);
    setPath(target, path.split('.'), parseValue(value));
  }
  return target;
}

function splitSet(set: string): [string, string] {
  const equals = set.indexOf('=');
  const path = equals < 0 ? '' : set.slice(0, equals);
  if (path === '' || path.split('.').includes('')) {
    throw new UsageError(
      `--set takes path=value, e.g. data.payload.to=+15550001111 (got "${set}")`,
    );
  }
  return [path, set.slice(equals + 1)];
}

function setPath(target: JsonRecord, keys: readonly string[], value: unknown): void {
  const [key, ...rest] = keys;
  if (key === undefined) return;
  if (rest.length === 0) {
    target[key] = value;
    return;
  }
  const next = target[key];
  const child: JsonRecord = isRecord(next) ? next : {};
  target[key] = child;
  setPath(child, rest, value);
}

/** A `--set` value: JSON when it parses, else the text itself. */
export function parseValue(text: string): unknown {
  // A leading + would be rejected by JSON anyway; phone numbers must stay strings.
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** True for a plain JSON object (not an array, not null). */
export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

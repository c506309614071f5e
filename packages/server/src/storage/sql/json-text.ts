import { copyJson, jsonDepthExceeds, MAX_JSON_DEPTH } from '@switchboard/core';
import type { Json, JsonObject } from '../json.js';
import { unstorablePart } from '../storable-json.js';

const NUL_ESCAPE = '\\u0000';

/**
 * Serialises a value for a JSON column. PostgreSQL rejects U+0000 in `jsonb` and `text`, and
 * response bodies from arbitrary endpoints can contain it, so NUL becomes U+FFFD in both
 * dialects (keeping them identical), in keys as in values. The slower copying pass only runs
 * when the fast serialisation shows a NUL.
 */
export function toJsonText(value: unknown): string {
  const text = JSON.stringify(value);
  return text.includes(NUL_ESCAPE)
    ? JSON.stringify(copyJson(value, { mapString: withoutNul }))
    : text;
}

/**
 * Whether a value written with {@link toJsonText} reads back equal to itself: no U+0000 in any
 * string or key (stored as U+FFFD), and nested no deeper than {@link MAX_JSON_DEPTH} (deeper
 * reads back unreadable).
 */
export function readsBackAsIs(value: unknown): boolean {
  return unstorablePart(value, MAX_JSON_DEPTH) === null;
}

function withoutNul(text: string): string {
  return text.replaceAll('\u0000', '\uFFFD');
}

/** A JSON column read back, or why it cannot be: a stored row may be damaged or from before a limit. */
export type JsonColumn<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: string };

/** A stored JSON column that cannot be read back; the message names the column and the problem. */
export class UnreadableJsonError extends Error {
  readonly code = 'SB_UNREADABLE_JSON';

  constructor(problem: string) {
    super(problem);
    this.name = 'UnreadableJsonError';
  }
}

/**
 * Reads a JSON column holding an object. Text that is not JSON, not an object, or nested deeper
 * than {@link MAX_JSON_DEPTH} is refused with a reason: such a value could not be cloned to
 * another thread, sent or shown without overflowing the stack. JSON.parse itself does not
 * recurse, and text of n characters nests at most n/2 levels, so short text skips the walk.
 */
export function readJsonObject(text: string, column: string): JsonColumn<JsonObject> {
  const read = readJson(text, column);
  if (!read.ok) return read;
  const { value } = read;
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    return { ok: true, value };
  }
  return { ok: false, problem: `the stored ${column} is not a JSON object` };
}

/** Reads any JSON column, with the same checks as {@link readJsonObject}. */
export function readJson(text: string, column: string): JsonColumn<Json> {
  let value: Json;
  try {
    value = JSON.parse(text) as Json;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, problem: `the stored ${column} is not valid JSON (${reason})` };
  }
  if (text.length > 2 * MAX_JSON_DEPTH && jsonDepthExceeds(value, MAX_JSON_DEPTH)) {
    return {
      ok: false,
      problem: `the stored ${column} nests deeper than ${MAX_JSON_DEPTH} levels`,
    };
  }
  return { ok: true, value };
}

/**
 * Both dialects hand JSON columns to the row mappers as text: SQLite stores text, and the
 * Postgres pool is configured not to parse `jsonb`, so one set of mappers serves both. A column
 * that cannot be read throws {@link UnreadableJsonError}.
 */
export function parseJsonObject(text: string, column = 'JSON column'): JsonObject {
  const read = readJsonObject(text, column);
  if (!read.ok) throw new UnreadableJsonError(read.problem);
  return read.value;
}

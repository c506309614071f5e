import type { JsonObject } from '../store.js';

const NUL_ESCAPE = '\\u0000';

/**
 * Serialises a value for a JSON column. PostgreSQL rejects U+0000 in `jsonb` and `text`, and
 * response bodies from arbitrary endpoints can contain it, so NUL becomes U+FFFD in both
 * dialects (keeping them identical). The slow replacer pass only runs when a NUL is present.
 */
export function toJsonText(value: unknown): string {
  const text = JSON.stringify(value);
  return text.includes(NUL_ESCAPE) ? JSON.stringify(value, replaceNul) : text;
}

function replaceNul(_key: string, value: unknown): unknown {
  return typeof value === 'string' ? value.replaceAll('\u0000', '\uFFFD') : value;
}

/**
 * Both dialects hand JSON columns to the row mappers as text: SQLite stores text, and the
 * Postgres pool is configured not to parse `jsonb`, so one set of mappers serves both.
 */
export function parseJsonObject(text: string): JsonObject {
  return JSON.parse(text) as JsonObject;
}

/** Parses a JSON column whose shape the schema guarantees (the store wrote it). */
export function parseJsonAs<T>(text: string): T {
  return JSON.parse(text) as T;
}

/** SQL NULL stays `null`; it is never the JSON text `null`. */
export function parseNullableJsonAs<T>(text: string | null): T | null {
  return text === null ? null : (JSON.parse(text) as T);
}

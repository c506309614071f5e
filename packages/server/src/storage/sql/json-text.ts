import type { JsonObject } from '../store.js';

const NUL_ESCAPE = '\\u0000';

/**
 * Serialises a value for a JSON column. PostgreSQL rejects U+0000 in `jsonb` and `text`, and
 * response bodies from arbitrary endpoints can contain it, so NUL becomes U+FFFD in both
 * dialects (keeping them identical), in keys as in values. The slower copying pass only runs
 * when the fast serialisation shows a NUL.
 */
export function toJsonText(value: unknown): string {
  const text = JSON.stringify(value);
  return text.includes(NUL_ESCAPE) ? JSON.stringify(withoutNul(value)) : text;
}

function withoutNul(value: unknown): unknown {
  if (typeof value === 'string') return value.replaceAll('\u0000', '\uFFFD');
  if (Array.isArray(value)) return value.map(withoutNul);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [withoutNul(key), withoutNul(item)]),
  );
}

/**
 * Both dialects hand JSON columns to the row mappers as text: SQLite stores text, and the
 * Postgres pool is configured not to parse `jsonb`, so one set of mappers serves both.
 */
export function parseJsonObject(text: string): JsonObject {
  return JSON.parse(text) as JsonObject;
}

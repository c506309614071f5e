import type { Json, JsonObject } from '../../storage/store.js';

/**
 * Typed reads of stored JSON documents. Stored data was written by the emulator itself, so a
 * field of the wrong type means an older shape: the fallback is used rather than failing.
 */
export function stringField(data: JsonObject, key: string, fallback = ''): string {
  const value = data[key];
  return typeof value === 'string' ? value : fallback;
}

/** A string, or null when absent or not a string. */
export function nullableString(data: JsonObject, key: string): string | null {
  const value = data[key];
  return typeof value === 'string' ? value : null;
}

export function booleanField(data: JsonObject, key: string, fallback: boolean): boolean {
  const value = data[key];
  return typeof value === 'boolean' ? value : fallback;
}

/** The string items of an array field; anything else gives an empty list. */
export function stringList(data: JsonObject, key: string): string[] {
  const value: Json | undefined = data[key];
  return Array.isArray(value) ? value.filter((item) => typeof item === 'string') : [];
}

/** A finite number, or the fallback. */
export function numberField(data: JsonObject, key: string, fallback: number): number {
  const value = data[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

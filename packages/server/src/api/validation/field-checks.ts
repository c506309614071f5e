import type { Json } from '../../storage/store.js';
import { fail, ok, type Checked } from './checked.js';
import { enumIssue, invalidIssue, missingIssue, rangeIssue } from './issues.js';

/** Checks one body value found at `pointer`. */
export type Check<T extends Json> = (value: unknown, pointer: string) => Checked<T>;

export interface StringRules {
  readonly maxLength?: number;
  /** Blank strings count as missing (Telnyx: "is required and cannot be blank"). */
  readonly allowBlank?: boolean;
}

/** A string, optionally bounded in length. */
export function string(rules: StringRules = {}): Check<string> {
  return (value, pointer) => {
    if (typeof value !== 'string') return fail(invalidIssue({ pointer }, 'a string'));
    if (rules.allowBlank !== true && value.trim() === '') return fail(missingIssue({ pointer }));
    if (rules.maxLength !== undefined && value.length > rules.maxLength) {
      return fail(invalidIssue({ pointer }, `at most ${rules.maxLength} characters`));
    }
    return ok(value);
  };
}

/** An absolute http(s) URL. `allowEmpty` accepts `""` as "not set", as Telnyx's defaults do. */
export function url(options: { readonly allowEmpty?: boolean } = {}): Check<string> {
  return (value, pointer) => {
    if (typeof value !== 'string') return fail(invalidIssue({ pointer }, 'a URL string'));
    if (value === '' && options.allowEmpty === true) return ok(value);
    if (!isHttpUrl(value)) {
      return fail(invalidIssue({ pointer }, 'a valid URL that includes a scheme (http or https)'));
    }
    return ok(value);
  };
}

/** True for absolute `http:` and `https:` URLs with a host. */
export function isHttpUrl(text: string): boolean {
  if (!URL.canParse(text)) return false;
  const parsed = new URL(text);
  return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.hostname !== '';
}

export function boolean(): Check<boolean> {
  return (value, pointer) =>
    typeof value === 'boolean' ? ok(value) : fail(invalidIssue({ pointer }, 'a boolean'));
}

/** A whole number within `[min, max]`. */
export function integer(
  min = Number.MIN_SAFE_INTEGER,
  max = Number.MAX_SAFE_INTEGER,
): Check<number> {
  return (value, pointer) => {
    if (typeof value !== 'number' || !Number.isInteger(value)) {
      return fail(invalidIssue({ pointer }, 'an integer'));
    }
    return value < min || value > max ? fail(rangeIssue({ pointer }, min, max)) : ok(value);
  };
}

/** One of a fixed set of strings. */
export function oneOf<const T extends string>(allowed: readonly T[]): Check<T> {
  return (value, pointer) =>
    typeof value === 'string' && (allowed as readonly string[]).includes(value)
      ? ok(value as T)
      : fail(enumIssue({ pointer }, allowed));
}

/** `null` or whatever `check` accepts. */
export function nullable<T extends Json>(check: Check<T>): Check<T | null> {
  return (value, pointer) => (value === null ? ok(null) : check(value, pointer));
}

/** An array whose every item passes `check`; all bad items are reported. */
export function arrayOf<T extends Json>(check: Check<T>): Check<T[]> {
  return (value, pointer) => {
    if (!Array.isArray(value)) return fail(invalidIssue({ pointer }, 'an array'));
    const results = value.map((item, index) => check(item, `${pointer}/${index}`));
    const issues = results.flatMap((result) => (result.ok ? [] : result.issues));
    const [first, ...rest] = issues;
    if (first !== undefined) return fail(first, ...rest);
    return ok(results.map((result) => (result.ok ? result.value : null)) as T[]);
  };
}

/** Any JSON object (no rules on its members). */
export function anyObject(): Check<{ [key: string]: Json }> {
  return (value, pointer) =>
    isPlainObject(value)
      ? ok(value as { [key: string]: Json })
      : fail(invalidIssue({ pointer }, 'a JSON object'));
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An ISO-8601 date-time string; kept as written, since Telnyx shows times as given. */
export function dateTime(): Check<string> {
  return (value, pointer) =>
    typeof value === 'string' &&
    /^\d{4}-\d{2}-\d{2}T/.test(value) &&
    !Number.isNaN(Date.parse(value))
      ? ok(value)
      : fail(invalidIssue({ pointer }, 'an ISO 8601 date-time'));
}

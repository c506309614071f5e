import Type, { type TSchema } from 'typebox';

/**
 * Field types of Switchboard's request and response declarations. Each carries the rule that the
 * API's error mapping turns into a Telnyx error item, so a route's schema is its whole check.
 */

/** Annotation: how an error detail names the value a field wants ("a URL string"). */
export const EXPECTED = 'x-expected';

/** Annotation on an array: the detail of a 10033 for too few or too many items, with {min}, {max} and {count}. */
export const COUNT_DETAIL = 'x-count-detail';

/**
 * Annotation: `{ code, title }` of the Telnyx error a pattern or format failure of this field
 * is (e.g. 10016 for a number that is not +E.164) instead of the general 10015.
 */
export const ERROR_CODE = 'x-error-code';

/** Pattern of a string that must not be blank; a failure reads as "required", as at Telnyx. */
export const NOT_BLANK = '\\S';

/** Annotation on an object schema: members may come as numeric or boolean strings, and null or "" reads as absent. */
export const LENIENT = 'x-lenient';

/** Format of an absolute http(s) URL with a host. */
export const HTTP_URL = 'http-url';

/** The same, or `""` for "not set". */
export const HTTP_URL_OR_EMPTY = 'http-url-or-empty';

/** Format of standard Base-64 text (`client_state`). */
export const BASE64 = 'base64';

/** Format of an ISO 8601 date, or date-time, as a filter bound (`2026-03-01` is its midnight, UTC). */
export const ISO_DATE_OR_TIME = 'iso-date-or-time';

/** Format of an ISO 8601 date-time, kept as written. */
export const ISO_DATE_TIME = 'iso-date-time';

export interface TextOptions {
  readonly maxLength?: number;
  /** Blank strings are accepted as they are instead of reading as missing. */
  readonly allowBlank?: boolean;
  readonly description?: string;
  readonly default?: string;
}

/** A string; blank reads as missing unless `allowBlank`. */
export function Text(options: TextOptions = {}) {
  const { allowBlank, ...rest } = options;
  return Type.String({ ...rest, ...(allowBlank === true ? {} : { pattern: NOT_BLANK }) });
}

/** An absolute http(s) URL; with `allowEmpty`, `""` means "not set", as Telnyx's defaults do. */
export function HttpUrl(
  options: { readonly allowEmpty?: boolean; readonly description?: string } = {},
) {
  const format = options.allowEmpty === true ? HTTP_URL_OR_EMPTY : HTTP_URL;
  const description = options.description === undefined ? {} : { description: options.description };
  return Type.String({ format, [EXPECTED]: 'a URL string', ...description });
}

/** A whole number within `[minimum, maximum]`. */
export function Int(minimum: number, maximum: number, options: { readonly default?: number } = {}) {
  return Type.Integer({ minimum, maximum, ...options });
}

/** One of a fixed set of strings. */
export function OneOf<const T extends string[]>(
  values: readonly [...T],
  options: { readonly default?: T[number]; readonly description?: string } = {},
) {
  return Type.Enum(values, options);
}

/**
 * `null`, or whatever `schema` accepts, with options of its own (a default); errors name the
 * non-null form.
 */
export function Nullable<T extends TSchema>(schema: T, options: { default?: unknown } = {}) {
  return Type.Union([schema, Type.Null()], options);
}

/** An ISO 8601 date-time string. */
export function DateTime(options: { readonly description?: string } = {}) {
  return Type.String({ format: ISO_DATE_TIME, ...options });
}

/** A JSON value. */
export type JsonValue =
  null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** An ISO 8601 date or date-time: a bound of a time filter. */
export function Instant(options: { readonly description?: string } = {}) {
  return Type.String({ format: ISO_DATE_OR_TIME, [EXPECTED]: 'an ISO 8601 date-time', ...options });
}

/** Standard Base-64 text, as Telnyx wants `client_state`; a failure is 10015. */
export function Base64Text(options: { readonly description?: string } = {}) {
  return Type.String({ format: BASE64, [EXPECTED]: 'a valid Base-64 encoded string', ...options });
}

/** Any JSON object, members unchecked (JSON bodies hold only JSON, so its type says so). */
export function AnyObject(
  options: { readonly default?: Record<string, never>; readonly description?: string } = {},
) {
  const schema = Type.Record(Type.String(), Type.Unknown(), {
    [EXPECTED]: 'a JSON object',
    ...options,
  });
  return Type.Unsafe<{ [key: string]: JsonValue }>(schema);
}

import { isE164 } from './e164.js';
import { fieldErrors, type FieldError } from './field-error.js';

/** A parsed JSON request body. */
export type Body = Readonly<Record<string, unknown>>;

/** The request body as an object; a missing body counts as `{}`, as Telnyx treats it. */
export function asBody(raw: unknown): Body | FieldError {
  if (raw === undefined || raw === null || raw === '') return {};
  if (typeof raw === 'object' && !Array.isArray(raw)) return raw as Body;
  return fieldErrors.invalidValue('The request body must be a JSON object.', '/');
}

/** True when `value` parses as an absolute http(s) URL. */
export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** A present, non-blank string field, or the Telnyx "missing" error. */
export function requiredString(body: Body, key: string): string | FieldError {
  const value = body[key];
  if (value === undefined || value === null || value === '') {
    return fieldErrors.missing(
      `The '${key}' parameter is required and cannot be blank.`,
      `/${key}`,
    );
  }
  return typeof value === 'string' ? value : mustBe(key, 'a string');
}

/** A required +E.164 number. */
export function requiredE164(body: Body, key: string): string | FieldError {
  const value = requiredString(body, key);
  if (typeof value !== 'string' || isE164(value)) return value;
  return fieldErrors.notE164(`The '${key}' parameter must be in +E.164 format.`, `/${key}`);
}

/** An optional string: undefined when absent, null when explicitly null. */
export function optionalString(body: Body, key: string): string | null | undefined | FieldError {
  const value = body[key];
  if (value === undefined || value === null || typeof value === 'string') return value;
  return mustBe(key, 'a string');
}

/** An optional URL with an http(s) scheme; `""` and null mean "no URL". */
export function optionalUrl(body: Body, key: string): string | null | undefined | FieldError {
  const value = optionalString(body, key);
  if (typeof value !== 'string' || value === '' || isHttpUrl(value)) return value;
  return fieldErrors.invalidUrl(
    `The '${key}' parameter must be an absolute URL with a scheme, such as https.`,
    `/${key}`,
  );
}

export function optionalBoolean(body: Body, key: string): boolean | undefined | FieldError {
  const value = body[key];
  if (value === undefined || typeof value === 'boolean') return value;
  return mustBe(key, 'a boolean');
}

/** An optional value from a fixed set. */
export function optionalEnum<T extends string>(
  body: Body,
  key: string,
  values: readonly T[],
): T | undefined | FieldError {
  const value = body[key];
  if (value === undefined) return undefined;
  const found = values.find((allowed) => allowed === value);
  if (found !== undefined) return found;
  return fieldErrors.invalidEnum(`The value must be one of: ${values.join(', ')}.`, `/${key}`);
}

/** An optional array of strings. */
export function optionalStringList(body: Body, key: string): string[] | undefined | FieldError {
  const value = body[key];
  if (value === undefined) return undefined;
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) {
    return value;
  }
  return mustBe(key, 'an array of strings');
}

function mustBe(key: string, what: string): FieldError {
  return fieldErrors.invalidValue(`The '${key}' parameter must be ${what}.`, `/${key}`);
}

/** True when a check returned an error rather than a value. */
export function isFieldError(value: unknown): value is FieldError {
  return typeof value === 'object' && value !== null && 'code' in value && 'title' in value;
}

import { ApiError, type ErrorItem } from '../../errors/api-error.js';
import type { FieldError } from './field-error.js';

function item(error: FieldError): ErrorItem {
  const base = { code: error.code, title: error.title, detail: error.detail };
  return error.pointer === undefined ? base : { ...base, pointer: error.pointer };
}

/** The API error for one or more problems; the status is the first problem's. */
export function toApiError(errors: FieldError | readonly [FieldError, ...FieldError[]]): ApiError {
  const list: readonly [FieldError, ...FieldError[]] = 'code' in errors ? [errors] : errors;
  const [first, ...rest] = list;
  return new ApiError(first.status, [item(first), ...rest.map(item)]);
}

/** Returns the value, or throws the API error for the problems found instead. */
export function valueOrThrow<T>(result: T): Exclude<T, FieldError | readonly FieldError[]> {
  if (Array.isArray(result)) {
    const [first, ...rest] = result as readonly FieldError[];
    if (first !== undefined) throw toApiError([first, ...rest]);
  }
  if (isError(result)) throw toApiError(result);
  return result as Exclude<T, FieldError | readonly FieldError[]>;
}

function isError(value: unknown): value is FieldError {
  return (
    typeof value === 'object' &&
    value !== null &&
    'code' in value &&
    'title' in value &&
    'status' in value
  );
}

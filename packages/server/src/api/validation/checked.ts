import { ValidationError } from '../../errors/api-error.js';
import type { Issue } from '../../http/validation/issues.js';

export type { Issue, Source } from '../../http/validation/issues.js';
export { nameOf } from '../../http/validation/issues.js';

/** The outcome of checking untrusted input: the cleaned value, or every problem found. */
export type Checked<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly issues: readonly [Issue, ...Issue[]] };

export function ok<T>(value: T): Checked<T> {
  return { ok: true, value };
}

export function fail<T>(issue: Issue, ...more: Issue[]): Checked<T> {
  return { ok: false, issues: [issue, ...more] };
}

/**
 * Returns the value or throws the 422 that the API's error mapper renders. Route handlers call
 * this at their edge, so the checks themselves stay plain values.
 */
export function valueOrThrow<T>(checked: Checked<T>): T {
  if (checked.ok) return checked.value;
  throw new ValidationError(checked.issues);
}

/** Gathers the issues of several results, at least one of which failed. */
export function failAll<T>(results: readonly Checked<unknown>[]): Checked<T> {
  const [first, ...rest] = results.flatMap((result) => (result.ok ? [] : result.issues));
  if (first === undefined) throw new Error('failAll called without a failed result');
  return fail(first, ...rest);
}

import type { ErrorItem } from '../../errors/api-error.js';
import { ValidationError } from '../../errors/api-error.js';

/** A validation problem, reported as one Telnyx error item. */
export type Issue = ErrorItem;

/** The outcome of checking untrusted input: the cleaned value, or every problem found. */
export type Checked<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly issues: readonly [Issue, ...Issue[]] };

/** Where a bad value sits: a body pointer (`/inbound/channel_limit`) or a query parameter. */
export type Source = { readonly pointer: string } | { readonly parameter: string };

export function ok<T>(value: T): Checked<T> {
  return { ok: true, value };
}

export function fail<T>(issue: Issue, ...more: Issue[]): Checked<T> {
  return { ok: false, issues: [issue, ...more] };
}

/** The caller-facing name of a source: the last pointer segment, or the parameter name. */
export function nameOf(source: Source): string {
  if ('parameter' in source) return source.parameter;
  return source.pointer.split('/').pop() || 'body';
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

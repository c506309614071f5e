import type { ErrorItem } from '../../support/errors/api-error.js';

/** A validation problem, reported as one Telnyx error item. */
export type Issue = ErrorItem;

/** Where a bad value sits: a body pointer (`/inbound/channel_limit`) or a query parameter. */
export type Source = { readonly pointer: string } | { readonly parameter: string };

/** The caller-facing name of a source: the last pointer segment, or the parameter name. */
export function nameOf(source: Source): string {
  if ('parameter' in source) return source.parameter;
  return source.pointer.split('/').pop() || 'body';
}

/** 10004: a required field is absent or blank. */
export function missingIssue(source: Source): Issue {
  const detail = `The '${nameOf(source)}' parameter is required and cannot be blank.`;
  return { code: '10004', title: 'Missing required parameter', detail, ...source };
}

/** 10015: the value has the wrong type or shape. */
export function invalidIssue(source: Source, expected: string): Issue {
  const detail = `The '${nameOf(source)}' parameter must be ${expected}.`;
  return { code: '10015', title: 'Invalid value', detail, ...source };
}

/** 10032: the value is not one of the allowed strings. */
export function enumIssue(source: Source, allowed: readonly string[]): Issue {
  const detail = `The '${nameOf(source)}' parameter must be one of: ${allowed.join(', ')}.`;
  return { code: '10032', title: 'Invalid enumerated value', detail, ...source };
}

/** 10033: a number outside its bounds. */
export function rangeIssue(source: Source, min: number, max: number): Issue {
  const detail = `The '${nameOf(source)}' parameter must be between ${min} and ${max}.`;
  return { code: '10033', title: 'Value outside of range', detail, ...source };
}

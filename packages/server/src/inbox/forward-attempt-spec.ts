import { fail, ok } from '../api/validation/checked.js';
import {
  boolean,
  integer,
  nullable,
  string,
  url,
  type Check,
} from '../api/validation/field-checks.js';
import { invalidIssue } from '../api/validation/issues.js';
import type { ObjectSpec } from '../api/validation/object-spec.js';

/** What `POST /switchboard/captures/{id}/forward_attempts` accepts from a listener. */
export const FORWARD_ATTEMPT_SPEC: ObjectSpec = {
  url: { check: url(), required: true },
  status: { check: nullable(integer(200, 599)), default: null },
  headers: { check: headerPairs(), default: [] },
  body: { check: string({ allowBlank: true }), default: '' },
  latency_ms: { check: nonNegative(), default: 0 },
  error: { check: nullable(string({ maxLength: 2000 })), default: null },
  final: { check: boolean(), default: true },
};

/** `[name, value]` pairs of strings, the form every recorded header list takes. */
function headerPairs(): Check<[string, string][]> {
  return (value, pointer) => {
    const valid =
      Array.isArray(value) &&
      value.every(
        (pair) =>
          Array.isArray(pair) &&
          pair.length === 2 &&
          typeof pair[0] === 'string' &&
          typeof pair[1] === 'string',
      );
    return valid
      ? ok(value as [string, string][])
      : fail(invalidIssue({ pointer }, 'an array of [name, value] string pairs'));
  };
}

function nonNegative(): Check<number> {
  return (value, pointer) =>
    typeof value === 'number' && Number.isFinite(value) && value >= 0
      ? ok(value)
      : fail(invalidIssue({ pointer }, 'a number of milliseconds, 0 or more'));
}

import { registerFormats } from '@switchboard/core/contract';
import type { Static, TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import { invalidIssue, type Issue } from './issues.js';
import { issuesOf } from './issues-of.js';
import { prepareValue } from './lenient-values.js';

/** A value checked against a declaration: the cleaned value, or its issues. */
export type CheckedValue<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly issues: readonly [Issue, ...Issue[]] };

/**
 * Checks a value that does not arrive as a request part (multipart form fields, a member of a
 * body read by hand) against its declaration, exactly as the routes' validator checks a body:
 * the same leniencies and defaults, the same one mapping to error items.
 */
export function checkValue<T extends TSchema>(schema: T, value: unknown): CheckedValue<Static<T>> {
  registerFormats();
  const validator = Compile(schema);
  const prepared = prepareValue(schema, value, false);
  if (validator.Check(prepared)) return { ok: true, value: prepared };
  const [first = fallbackIssue(), ...rest] = issuesOf(
    schema,
    prepared,
    validator.Errors(prepared),
    'body',
  );
  return { ok: false, issues: [first, ...rest] };
}

function fallbackIssue(): Issue {
  return invalidIssue({ pointer: '/' }, 'a JSON object');
}

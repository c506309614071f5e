import { registerFormats } from '@switchboard/core/contract';
import type { Static, TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import { ValidationError } from '../../support/errors/api-error.js';
import { invalidIssue, type Issue } from './issues.js';
import { issuesOf, type RequestPart } from './issues-of.js';
import { prepareValue } from './lenient-values.js';

/** A value checked against a declaration: the cleaned value, or its issues. */
export type CheckedValue<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly issues: readonly [Issue, ...Issue[]] };

/**
 * The one check of a value against its declaration, as every route's validator runs it: the
 * leniencies and defaults (`prepareValue`), the compiled check, and the one mapping to error
 * items. Compiled on first use, then kept, so declaring many checkers costs nothing at start-up.
 */
export function checkerOf<T extends TSchema>(
  schema: T,
  part: RequestPart = 'body',
): (value: unknown) => CheckedValue<Static<T>> {
  let validator: ReturnType<typeof Compile<T>> | null = null;
  return (value) => {
    if (validator === null) {
      registerFormats();
      validator = Compile(schema);
    }
    const prepared = prepareValue(schema, value, part !== 'body');
    if (validator.Check(prepared)) return { ok: true, value: prepared };
    // A failed check always names a problem; the fallback only keeps a failure from passing.
    const [first = invalidIssue({ pointer: '/' }, 'valid'), ...rest] = issuesOf(
      schema,
      prepared,
      validator.Errors(prepared),
      part,
    );
    return { ok: false, issues: [first, ...rest] };
  };
}

const checkers = new WeakMap<TSchema, (value: unknown) => CheckedValue<unknown>>();

/**
 * Checks a value that does not arrive as a request part (multipart form fields, a member of a
 * body read by hand) against its declaration, exactly as the routes' validator checks a body.
 */
export function checkValue<T extends TSchema>(schema: T, value: unknown): CheckedValue<Static<T>> {
  let check = checkers.get(schema);
  if (check === undefined) {
    check = checkerOf(schema);
    checkers.set(schema, check);
  }
  return check(value) as CheckedValue<Static<T>>;
}

/** The same check for a value handed over by code: the cleaned value, or the 422 it makes. */
export function readerOf<T extends TSchema>(schema: T): (value: unknown) => Static<T> {
  const check = checkerOf(schema);
  return (value) => {
    const checked = check(value);
    if (checked.ok) return checked.value;
    throw new ValidationError(checked.issues);
  };
}

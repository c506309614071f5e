import type { Static, TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import { registerFormats } from '@switchboard/core/contract';
import { ValidationError } from '../../support/errors/api-error.js';
import { issuesOf } from '../../http/validation/issues-of.js';
import { prepareValue } from '../../http/validation/lenient-values.js';

/**
 * Reads a body that did not come through a route (a command another emulator sends, e.g. a
 * queue's `enqueue`) against the declaration its route has, with the same leniencies and the
 * same 422. A missing body is `{}`, as on the route.
 */
export function bodyReaderOf<T extends TSchema>(schema: T): (body: unknown) => Static<T> {
  let validator: ReturnType<typeof Compile<T>> | null = null;
  return (body) => {
    registerFormats();
    validator ??= Compile(schema);
    const value = prepareValue(schema, body ?? {}, false);
    if (validator.Check(value)) return value;
    const [first, ...rest] = issuesOf(schema, value, validator.Errors(value), 'body');
    if (first === undefined) throw new Error('a body that fails its check names a problem');
    throw new ValidationError([first, ...rest]);
  };
}

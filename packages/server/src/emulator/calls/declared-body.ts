import type { Static, TSchema } from 'typebox';
import { readerOf } from '../../http/validation/check-value.js';

/**
 * Reads a body that did not come through a route (a command another emulator sends, e.g. a
 * queue's `enqueue`) against the declaration its route has, with the same leniencies and the
 * same 422. A missing body is `{}`, as on the route.
 */
export function bodyReaderOf<T extends TSchema>(schema: T): (body: unknown) => Static<T> {
  const read = readerOf(schema);
  return (body) => read(body ?? {});
}

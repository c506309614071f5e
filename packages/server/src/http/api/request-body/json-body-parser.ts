import type { FastifyInstance } from 'fastify';
import { BadRequestError, ValidationError } from '../../../support/errors/api-error.js';
import { MAX_JSON_DEPTH, unstorablePart, type Unstorable } from '../../../storage/storable-json.js';

/**
 * What an empty `application/json` body is: no body at all (many clients send the header on
 * every request, DELETE and GET included), or (for lenient SDK routes) `{}`.
 */
export type EmptyJsonBody = 'absent' | 'empty-object';

/**
 * The API's one reader of JSON bodies. `JSON.parse` makes a `"__proto__"` key an own data
 * member, never a prototype, so such a body is accepted and stored as the data it is (see
 * docs/server.md). A body nested deeper than {@link MAX_JSON_DEPTH}, or with a NUL in a string,
 * is refused with a 422 that points at the part: nothing stored can then be too deep to
 * serialise, and no NUL reaches a PostgreSQL text column or lookup.
 */
export function parseJsonBody(text: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new BadRequestError('The request body is not valid JSON.');
  }
  const part = unstorablePart(value, MAX_JSON_DEPTH);
  if (part !== null) {
    const detail = DETAILS[part.problem];
    const { pointer } = part;
    throw new ValidationError([{ code: '10015', title: 'Invalid value', detail, pointer }]);
  }
  return value;
}

const DETAILS: Readonly<Record<Unstorable, string>> = {
  'too-deep': `The request body nests objects and arrays more than ${MAX_JSON_DEPTH} levels deep.`,
  nul: 'Strings in the request body must not contain U+0000 (NUL).',
};

/**
 * Makes {@link parseJsonBody} the `application/json` parser of `scope` and the scopes inside it,
 * in place of Fastify's own.
 */
export function useJsonBodyParser(scope: FastifyInstance, empty: EmptyJsonBody): void {
  scope.removeContentTypeParser('application/json');
  scope.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    try {
      done(null, text.trim() === '' ? emptyBody(empty) : parseJsonBody(text));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
}

function emptyBody(empty: EmptyJsonBody): object | undefined {
  return empty === 'empty-object' ? {} : undefined;
}

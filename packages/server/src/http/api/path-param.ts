import type { FastifyRequest } from 'fastify';
import { NotFoundError } from '../../support/errors/api-error.js';

/** Control characters: no id has one, and PostgreSQL cannot even compare a NUL. */
const CONTROL = /\p{Cc}/u;

/**
 * The path parameter `name` (`id`, `action`, …) of every route. The router has decoded it,
 * exactly once; a malformed percent-encoding never gets this far (400 `10015`). Routes never
 * decode again: `%252B` stays `%2B`, and a `%` left after decoding is just a character. A value
 * no id can have is a 404 here, so no route looks it up.
 */
export function pathParam(request: FastifyRequest, name: string): string {
  const params = request.params as Readonly<Record<string, unknown>> | undefined;
  const value = params !== undefined && Object.hasOwn(params, name) ? params[name] : undefined;
  if (typeof value !== 'string' || value === '' || CONTROL.test(value)) throw new NotFoundError();
  return value;
}

/** A declared path parameter (`request.params.id`), checked as {@link pathParam} checks it. */
export function pathId(value: string): string {
  if (value === '' || CONTROL.test(value)) throw new NotFoundError();
  return value;
}

import { LENIENT } from '@switchboard/core/contract';
import type { FastifySchemaCompiler } from 'fastify';
import type { TSchema } from 'typebox';
import { ValidationError } from '../../support/errors/api-error.js';
import { keywordsOf } from '../../support/schema-object.js';
import { checkerOf } from './check-value.js';
import type { RequestPart } from './issues-of.js';
import { lastOfRepeated } from './lenient-values.js';

/**
 * Fastify's validator for every declared route. It applies Telnyx's leniencies, drops members
 * the declaration does not name (Telnyx ignores them), fills declared defaults, and checks; the
 * handler gets the cleaned value. A failure is a {@link ValidationError} in the Telnyx envelope.
 */
export const validatorCompiler: FastifySchemaCompiler<TSchema> = ({ schema, httpPart }) => {
  const part = partOf(httpPart);
  const check = checkerOf(schema, part);
  return (data: unknown) => {
    const checked = check(raw(schema, part, data));
    return checked.ok ? { value: checked.value } : { error: new ValidationError(checked.issues) };
  };
};

function raw(schema: TSchema, part: RequestPart, data: unknown): unknown {
  // Fastify hands a missing body to validators as `null`.
  const absent = data === undefined || data === null;
  if (part === 'body' && absent && keywordsOf(schema)[LENIENT] === true) return {};
  return part === 'querystring' ? lastOfRepeated(schema, data) : data;
}

function partOf(httpPart: string | undefined): RequestPart {
  switch (httpPart) {
    case 'querystring':
    case 'params':
    case 'headers':
      return httpPart;
    default:
      return 'body';
  }
}

import { LENIENT, registerFormats } from '@switchboard/core/contract';
import type { FastifySchemaCompiler } from 'fastify';
import type { TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import { ValidationError } from '../../support/errors/api-error.js';
import { issuesOf, type RequestPart } from './issues-of.js';
import { lastOfRepeated, prepareValue } from './lenient-values.js';
import { keywordsOf } from '../../support/schema-object.js';

/**
 * Fastify's validator for every declared route. It applies Telnyx's leniencies, drops members
 * the declaration does not name (Telnyx ignores them), fills declared defaults, and checks; the
 * handler gets the cleaned value. A failure is a {@link ValidationError} in the Telnyx envelope.
 */
export const validatorCompiler: FastifySchemaCompiler<TSchema> = ({ schema, httpPart }) => {
  registerFormats();
  const part = partOf(httpPart);
  const validator = Compile(schema);
  return (data: unknown) => {
    const value = prepared(schema, part, data);
    if (validator.Check(value)) return { value };
    const [first, ...rest] = issuesOf(schema, value, validator.Errors(value), part);
    if (first === undefined) return { value };
    return { error: new ValidationError([first, ...rest]) };
  };
};

function prepared(schema: TSchema, part: RequestPart, data: unknown): unknown {
  // Fastify hands a missing body to validators as `null`.
  const absent = data === undefined || data === null;
  const bodyless = part === 'body' && absent && keywordsOf(schema)[LENIENT] === true;
  const raw = bodyless ? {} : part === 'querystring' ? lastOfRepeated(schema, data) : data;
  return prepareValue(schema, raw, part !== 'body');
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

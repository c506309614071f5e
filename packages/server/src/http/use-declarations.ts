import type { FastifyInstance } from 'fastify';
import { CHECK_RESPONSES_ENV, useResponseCheck } from './response-check.js';
import { validatorCompiler } from './validation/validator-compiler.js';

/**
 * What declared routes need from the app they are registered on: the one validator (Telnyx's
 * leniencies and error envelope), replies written as they are (a response schema documents
 * and, in tests, checks; it never filters), and in tests the reply check. The API app installs
 * it at its root; a test that builds a bare Fastify app for one area installs it the same way.
 */
export function useDeclarations(app: FastifyInstance): void {
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  if (process.env[CHECK_RESPONSES_ENV] === '1') useResponseCheck(app);
}

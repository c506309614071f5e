import { ErrorEnvelope, registerFormats } from '@switchboard/core/contract';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TSchema } from 'typebox';
import { Compile, type Validator } from 'typebox/compile';

/** Turned on by the test suite: every JSON reply is checked against its route's declaration. */
export const CHECK_RESPONSES_ENV = 'SWITCHBOARD_CHECK_RESPONSES';

/**
 * Checks each JSON reply against the response schema its route declares for that status (an
 * undeclared error status against the Telnyx envelope). A reply that does not match becomes a 500 naming the
 * route and the first difference, so a declaration that lies fails the test that hit it.
 */
export function useResponseCheck(app: FastifyInstance): void {
  registerFormats();
  const validators = new WeakMap<TSchema, Validator>();
  const validatorOf = (schema: TSchema): Validator => {
    let validator = validators.get(schema);
    if (validator === undefined) {
      validator = Compile(schema);
      validators.set(schema, validator);
    }
    return validator;
  };
  app.addHook('onSend', async (request, reply, payload) => {
    const schema = declaredSchema(request, reply);
    if (schema === undefined || typeof payload !== 'string') return payload;
    if (!String(reply.getHeader('content-type') ?? '').includes('json')) return payload;
    const body: unknown = JSON.parse(payload);
    const validator = validatorOf(schema);
    if (validator.Check(body)) return payload;
    const [first] = validator.Errors(body);
    const route = `${request.method} ${request.routeOptions.url ?? request.url}`;
    const problem = `${route} answered ${reply.statusCode} with a body its declaration does not allow: ${first?.instancePath || '/'} ${first?.message ?? ''}`;
    request.log.error({ problem }, 'response does not match its declaration');
    void reply.status(500);
    return JSON.stringify({
      errors: [
        {
          code: 'SB_RESPONSE_MISMATCH',
          title: 'Response mismatch',
          detail: problem,
          meta: { url: '' },
        },
      ],
    });
  });
}

function declaredSchema(request: FastifyRequest, reply: FastifyReply): TSchema | undefined {
  const responses = request.routeOptions.schema?.response as Record<string, TSchema> | undefined;
  // A route that declares no reply at all is not checked (its declaration is still to come).
  if (responses === undefined) return undefined;
  const status = reply.statusCode;
  const declared = responses[String(status)] ?? responses[`${String(status)[0]}xx`];
  return declared ?? (status >= 400 ? ErrorEnvelope : undefined);
}

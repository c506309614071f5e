import { signWebhook } from '@switchboard/core';
import { ErrorEnvelope, SignRequest, SignResponse } from '@switchboard/core/contract';
import type { FastifyInstance } from 'fastify';
import type { RouteContext } from '../http/api/routes/route-context.js';
import { ValidationError } from '../support/errors/api-error.js';
import { typed } from '../http/typed-app.js';
import { invalidIssue } from '../http/validation/issues.js';

/**
 * `POST /switchboard/sign { body, body_base64?, timestamp? }`: signs bytes with the account's
 * current key and returns the Telnyx signature headers, so `listen --resign` never holds the
 * private key. `timestamp` (Unix seconds, default now) lets `listen --stale-timestamp` and
 * `--clock-skew` sign as a sender with a wrong clock would.
 */
export function registerSignRoute(app: FastifyInstance, ctx: RouteContext): void {
  typed(app).post(
    '/switchboard/sign',
    {
      schema: {
        summary: "Sign bytes with the account's current key (switchboard listen --resign)",
        tags: ['inboxes'],
        body: SignRequest,
        response: { 200: SignResponse, '4xx': ErrorEnvelope },
      },
    },
    async (request) => {
      const body = bytesToSign(request.body);
      const account = ctx.auth.accountOf(request);
      const [key] = await ctx.store.listSigningKeys(account.id, ctx.now());
      if (key === undefined) throw new Error(`Account ${account.id} has no signing key`);
      const headers = signWebhook({
        body,
        privateKey: key.privateKey,
        timestamp: request.body.timestamp ?? Math.floor(ctx.now() / 1000),
      });
      return { data: { headers } };
    },
  );
}

/** `body` (text) or `body_base64` (any bytes): exactly one. */
function bytesToSign(input: SignRequest): Uint8Array {
  if (input.body !== undefined && input.body_base64 === undefined)
    return Buffer.from(input.body, 'utf8');
  if (input.body_base64 !== undefined && input.body === undefined)
    return Buffer.from(input.body_base64, 'base64');
  throw new ValidationError([
    invalidIssue({ pointer: '/body' }, 'a string (or give body_base64 instead)'),
  ]);
}

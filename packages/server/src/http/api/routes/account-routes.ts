import {
  CreateAccount,
  CreatedAccountResponse,
  ErrorEnvelope,
  PublicKeyResponse,
} from '@switchboard/core/contract';
import type { FastifyInstance } from 'fastify';
import { createAccount, currentPublicKey } from '../../../engine/accounts/create-account.js';
import { typed } from '../../typed-app.js';
import type { RouteContext } from './route-context.js';

/** `POST /switchboard/accounts` (admin token only). The new key is shown this once. */
export function registerAdminRoutes(app: FastifyInstance, ctx: RouteContext): void {
  typed(app).post(
    '/switchboard/accounts',
    {
      // The admin token is checked before the body is read, as every key is.
      onRequest: (request, _reply, done) => {
        ctx.auth.requireAdmin(request);
        done();
      },
      schema: {
        summary: 'Create an account (admin token only); its API key is shown this once',
        tags: ['accounts'],
        body: CreateAccount,
        response: { 201: CreatedAccountResponse, '4xx': ErrorEnvelope },
      },
    },
    async (request, reply) => {
      const name = request.body.name ?? 'account';
      const made = await createAccount(ctx.store, { name, now: ctx.now() });
      const data = { id: made.account.id, api_key: made.apiKey, public_key: made.publicKey };
      return reply.status(201).send({ data });
    },
  );
}

/** `GET /switchboard/public_key`: the key receivers verify this account's webhooks with. */
export function registerPublicKeyRoute(app: FastifyInstance, ctx: RouteContext): void {
  typed(app).get(
    '/switchboard/public_key',
    {
      schema: {
        summary: "The public key that verifies this account's webhooks",
        tags: ['accounts'],
        response: { 200: PublicKeyResponse, '4xx': ErrorEnvelope },
      },
    },
    async (request) => {
      const account = ctx.auth.accountOf(request);
      return { data: { public_key: await currentPublicKey(ctx.store, account.id, ctx.now()) } };
    },
  );
}

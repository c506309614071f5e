import type { FastifyInstance } from 'fastify';
import { createAccount, currentPublicKey } from '../../accounts/create-account.js';
import { valueOrThrow } from '../validation/checked.js';
import { string } from '../validation/field-checks.js';
import { checkObject } from '../validation/object-spec.js';
import type { RouteContext } from './route-context.js';

const ACCOUNT_SPEC = { name: { check: string({ maxLength: 255 }), default: 'account' } };

/** `POST /switchboard/accounts` (admin token only). The new key is shown this once. */
export function registerAdminRoutes(app: FastifyInstance, ctx: RouteContext): void {
  app.post('/switchboard/accounts', async (request, reply) => {
    ctx.auth.requireAdmin(request);
    const body = valueOrThrow(checkObject(ACCOUNT_SPEC, request.body ?? {}, 'create'));
    const name = typeof body['name'] === 'string' ? body['name'] : 'account';
    const made = await createAccount(ctx.store, { name, now: ctx.now() });
    const data = { id: made.account.id, api_key: made.apiKey, public_key: made.publicKey };
    return reply.status(201).send({ data });
  });
}

/** `GET /switchboard/public_key`: the key receivers verify this account's webhooks with. */
export function registerPublicKeyRoute(app: FastifyInstance, ctx: RouteContext): void {
  app.get('/switchboard/public_key', async (request) => {
    const account = ctx.auth.accountOf(request);
    return { data: { public_key: await currentPublicKey(ctx.store, account.id, ctx.now()) } };
  });
}

import { randomUUID } from 'node:crypto';
import { generateKeyPair } from '@switchboard/core';
import { ErrorEnvelope, SigningKeyList } from '@switchboard/core/contract';
import type { FastifyInstance } from 'fastify';
import type { RouteRegistrar } from '../api/create-app.js';
import type { RouteContext } from '../api/routes/route-context.js';
import { typed } from '../typed-app.js';
import type { SigningKey } from '../../storage/store.js';
import { signingKeyView } from './signing-key-view.js';

/**
 * `GET /switchboard/signing_keys` (current key first, then keys still in their overlap window)
 * and `POST /switchboard/signing_keys/rotate`. A rotation makes a new current key at once; the
 * old one stays listed for `overlapMs` so receivers can add the new public key before the old
 * one stops being announced. Deliveries already signed keep verifying against the old key.
 */
export function signingKeyRoutes(overlapMs: number): RouteRegistrar {
  return (app: FastifyInstance, ctx: RouteContext) => {
    const api = typed(app);
    api.get(
      '/switchboard/signing_keys',
      {
        schema: {
          summary: "The account's signing keys: the current one first, then retiring ones",
          tags: ['signing keys'],
          response: { 200: SigningKeyList, '4xx': ErrorEnvelope },
        },
      },
      async (request) => {
        const account = ctx.auth.accountOf(request);
        const keys = await ctx.store.listSigningKeys(account.id, ctx.now());
        return { data: keys.map(signingKeyView) };
      },
    );
    api.post(
      '/switchboard/signing_keys/rotate',
      {
        schema: {
          summary: 'Make a new current signing key; the old one is listed while it retires',
          tags: ['signing keys'],
          response: { 201: SigningKeyList, '4xx': ErrorEnvelope },
        },
      },
      async (request, reply) => {
        const account = ctx.auth.accountOf(request);
        const now = ctx.now();
        await ctx.store.rotateSigningKey(newKey(account.id, now), now + overlapMs);
        const keys = await ctx.store.listSigningKeys(account.id, now);
        return reply.status(201).send({ data: keys.map(signingKeyView) });
      },
    );
  };
}

function newKey(accountId: string, now: number): SigningKey {
  const pair = generateKeyPair();
  return {
    id: randomUUID(),
    accountId,
    publicKey: pair.publicKey,
    privateKey: pair.privateKey,
    createdAt: now,
    retiresAt: null,
  };
}

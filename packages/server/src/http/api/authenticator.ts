import type { FastifyRequest } from 'fastify';
import { AccountKeyCache } from '../../engine/accounts/account-key-cache.js';
import { hashSecret, hashesMatch } from '../../engine/accounts/api-key.js';
import { AuthenticationError, ForbiddenError } from '../../support/errors/api-error.js';
import type { Account, Store } from '../../storage/store.js';

/** Resolves Bearer keys to accounts and remembers each request's account. */
export interface Authenticator {
  /** `onRequest` hook: rejects with 401 / 10009 unless the Bearer key names an account. */
  readonly authenticate: (request: FastifyRequest) => Promise<void>;
  /** The account of an authenticated request. */
  readonly accountOf: (request: FastifyRequest) => Account;
  /** Rejects unless the Bearer token is the admin token. */
  readonly requireAdmin: (request: FastifyRequest) => void;
}

/**
 * The request → account link lives in a WeakMap owned by this app instance rather than on
 * the request object, so no type augmentation leaks into other Fastify users. Keys are looked up
 * through an {@link AccountKeyCache}, so a request costs no store round trip for its account.
 */
export function createAuthenticator(
  store: Store,
  adminTokenHash: string | null,
  now: () => number = Date.now,
): Authenticator {
  const accounts = new WeakMap<FastifyRequest, Account>();
  const byKey = new AccountKeyCache(store, now);
  return {
    authenticate: async (request) => {
      const hash = hashSecret(bearerToken(request));
      const account = await byKey.find(hash);
      if (account === null || !hashesMatch(account.apiKeyHash, hash)) {
        throw new AuthenticationError('Could not understand the provided credentials.');
      }
      accounts.set(request, account);
    },
    accountOf: (request) => {
      const account = accounts.get(request);
      if (account === undefined) throw new AuthenticationError();
      return account;
    },
    requireAdmin: (request) => {
      if (adminTokenHash === null) {
        throw new ForbiddenError('The admin API is disabled: set SWITCHBOARD_ADMIN_TOKEN.');
      }
      if (!hashesMatch(hashSecret(bearerToken(request)), adminTokenHash)) {
        throw new AuthenticationError('Could not understand the provided credentials.');
      }
    },
  };
}

function bearerToken(request: FastifyRequest): string {
  const header = request.headers.authorization;
  const match = header === undefined ? null : /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (match?.[1] === undefined) throw new AuthenticationError();
  return match[1];
}

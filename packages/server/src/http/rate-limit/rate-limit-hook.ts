import type { RouteRegistrar } from '../api/create-app.js';
import { RateLimitError } from './rate-limit-error.js';
import type { RateSetting } from './rate-setting.js';
import { TokenBuckets } from './token-buckets.js';

/**
 * Per-account API rate limiting for the authenticated scope. It runs after authentication, so
 * the bucket is the account's (not the client address's): tenants behind one proxy do not
 * share a budget, and one tenant's burst never spends another's.
 */
export function rateLimitHook(rate: RateSetting): RouteRegistrar {
  const buckets = new TokenBuckets(rate);
  return (scope, ctx) => {
    scope.addHook('onRequest', async (request, reply) => {
      const taken = buckets.take(ctx.auth.accountOf(request).id, ctx.now());
      if (taken.ok) return;
      const seconds = Math.max(1, Math.ceil(taken.retryAfterMs / 1000));
      void reply.header('retry-after', String(seconds));
      throw new RateLimitError(seconds);
    });
  };
}

import { signWebhook } from '@switchboard/core';
import type { FastifyInstance } from 'fastify';
import type { RouteContext } from '../api/routes/route-context.js';
import { fail, ok, valueOrThrow, type Checked } from '../api/validation/checked.js';
import { isPlainObject } from '../api/validation/field-checks.js';
import { invalidIssue } from '../api/validation/issues.js';

/**
 * `POST /switchboard/sign { body, body_base64?, timestamp? }`: signs bytes with the account's
 * current key and returns the Telnyx signature headers, so `listen --resign` never holds the
 * private key. `timestamp` (Unix seconds, default now) lets `listen --stale-timestamp` and
 * `--clock-skew` sign as a sender with a wrong clock would.
 */
export function registerSignRoute(app: FastifyInstance, ctx: RouteContext): void {
  app.post('/switchboard/sign', async (request) => {
    const body = valueOrThrow(bodyToSign(request.body));
    const account = ctx.auth.accountOf(request);
    const [key] = await ctx.store.listSigningKeys(account.id, ctx.now());
    if (key === undefined) throw new Error(`Account ${account.id} has no signing key`);
    const headers = signWebhook({
      body,
      privateKey: key.privateKey,
      timestamp: valueOrThrow(signingTime(request.body)) ?? Math.floor(ctx.now() / 1000),
    });
    return { data: { headers } };
  });
}

/** `body` (text) or `body_base64` (any bytes); exactly one. */
function bodyToSign(input: unknown): Checked<Uint8Array> {
  if (!isPlainObject(input)) return fail(invalidIssue({ pointer: '/' }, 'a JSON object'));
  const text = input['body'];
  const base64 = input['body_base64'];
  if (typeof text === 'string' && base64 === undefined) return ok(Buffer.from(text, 'utf8'));
  if (typeof base64 === 'string' && text === undefined) return ok(Buffer.from(base64, 'base64'));
  return fail(invalidIssue({ pointer: '/body' }, 'a string (or give body_base64 instead)'));
}

/** The optional `timestamp`: whole Unix seconds, or undefined for the server's clock. */
function signingTime(input: unknown): Checked<number | undefined> {
  const value = isPlainObject(input) ? input['timestamp'] : undefined;
  if (value === undefined) return ok(undefined);
  if (Number.isSafeInteger(value) && (value as number) > 0) return ok(value as number);
  return fail(invalidIssue({ pointer: '/timestamp' }, 'whole Unix seconds, greater than 0'));
}

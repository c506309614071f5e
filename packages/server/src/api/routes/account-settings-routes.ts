import type { FastifyInstance } from 'fastify';
import type { Account, JsonObject } from '../../storage/store.js';
import { valueOrThrow } from '../validation/checked.js';
import { oneOf } from '../validation/field-checks.js';
import { checkObject, type ObjectSpec } from '../validation/object-spec.js';
import type { RouteContext } from './route-context.js';

/** How the engine writes webhook bodies: Telnyx's pretty-printed sorted form, or one line. */
export const WEBHOOK_BODY_FORMATS = ['telnyx', 'compact'] as const;

const SETTINGS_SPEC: ObjectSpec = {
  webhook_body_format: { check: oneOf(WEBHOOK_BODY_FORMATS) },
};

/**
 * `GET /switchboard/account` and `PATCH /switchboard/account`: the calling account and its
 * settings. A patch changes only the members it names; new deliveries use the new settings.
 */
export function registerAccountSettingsRoutes(app: FastifyInstance, ctx: RouteContext): void {
  app.get('/switchboard/account', (request) => ({
    data: accountView(ctx.auth.accountOf(request)),
  }));
  app.patch('/switchboard/account', async (request) => {
    const account = ctx.auth.accountOf(request);
    const patch = valueOrThrow(checkObject(SETTINGS_SPEC, request.body ?? {}, 'patch'));
    const settings = { ...account.settings, ...patch };
    await ctx.store.updateAccountSettings(account.id, settings);
    return { data: accountView({ ...account, settings }) };
  });
}

/** The account as the API shows it: never its key hash. */
function accountView(account: Account): JsonObject {
  return {
    record_type: 'account',
    id: account.id,
    name: account.name,
    webhook_body_format: bodyFormat(account.settings),
    created_at: new Date(account.createdAt).toISOString(),
  };
}

/** Anything but an explicit `compact` is the default, as the engine reads it. */
function bodyFormat(settings: JsonObject): (typeof WEBHOOK_BODY_FORMATS)[number] {
  return settings['webhook_body_format'] === 'compact' ? 'compact' : 'telnyx';
}

import {
  AccountResponse,
  AccountSettings,
  AccountSettingsPatch,
  decoderOf,
  ErrorEnvelope,
  type AccountView,
} from '@switchboard/core/contract';
import type { FastifyInstance } from 'fastify';
import { typed } from '../../typed-app.js';
import type { Account } from '../../../storage/store.js';
import type { RouteContext } from './route-context.js';

export { WEBHOOK_BODY_FORMATS } from '@switchboard/core/contract';

const TAGS = ['accounts'];

/** An account's stored settings. */
const decodeSettings = decoderOf('account settings', AccountSettings);

/**
 * `GET /switchboard/account` and `PATCH /switchboard/account`: the calling account and its
 * settings. A patch changes only the members it names; new deliveries use the new settings.
 */
export function registerAccountSettingsRoutes(app: FastifyInstance, ctx: RouteContext): void {
  const api = typed(app);
  api.get(
    '/switchboard/account',
    {
      schema: {
        summary: 'The calling account and its settings',
        tags: TAGS,
        response: { 200: AccountResponse, '4xx': ErrorEnvelope },
      },
    },
    (request) => ({ data: accountView(ctx.auth.accountOf(request)) }),
  );
  api.patch(
    '/switchboard/account',
    {
      schema: {
        summary: "Change the calling account's settings",
        tags: TAGS,
        body: AccountSettingsPatch,
        response: { 200: AccountResponse, '4xx': ErrorEnvelope },
      },
    },
    async (request) => {
      const account = ctx.auth.accountOf(request);
      const settings = { ...account.settings, ...request.body };
      await ctx.store.updateAccountSettings(account.id, settings);
      return { data: accountView({ ...account, settings }) };
    },
  );
}

/** The account as the API shows it: never its key hash. */
function accountView(account: Account): AccountView {
  return {
    record_type: 'account',
    id: account.id,
    name: account.name,
    webhook_body_format: decodeSettings(account.settings).webhook_body_format ?? 'telnyx',
    created_at: new Date(account.createdAt).toISOString(),
  };
}

import Type, { type Static } from 'typebox';
import { LENIENT, OneOf, Text } from '../fields.js';

/** How the engine writes webhook bodies: Telnyx's pretty-printed sorted form, or one line. */
export const WEBHOOK_BODY_FORMATS = ['telnyx', 'compact'] as const;

/** `POST /switchboard/accounts` (admin token only); no body makes an account named `account`. */
export const CreateAccount = Type.Object(
  { name: Type.Optional(Text({ maxLength: 255, default: 'account' })) },
  { [LENIENT]: true },
);

/** A new account: its API key is shown this once. */
export const CreatedAccount = Type.Object({
  id: Type.String(),
  api_key: Type.String(),
  public_key: Type.String(),
});

export const CreatedAccountResponse = Type.Object({ data: CreatedAccount });

/** The calling account and its settings; never its key hash. */
export const AccountView = Type.Object({
  record_type: Type.Literal('account'),
  id: Type.String(),
  name: Type.String(),
  webhook_body_format: OneOf([...WEBHOOK_BODY_FORMATS]),
  created_at: Type.String(),
});

export const AccountResponse = Type.Object({ data: AccountView });

/** `PATCH /switchboard/account`: changes only the members it names (no body changes nothing). */
export const AccountSettingsPatch = Type.Object(
  { webhook_body_format: Type.Optional(OneOf([...WEBHOOK_BODY_FORMATS])) },
  { [LENIENT]: true },
);

/** An account's stored settings, as the engine reads them. */
export const AccountSettings = Type.Object({
  webhook_body_format: Type.Optional(OneOf([...WEBHOOK_BODY_FORMATS])),
});

/** The key receivers verify this account's webhooks with (base64, raw 32-byte Ed25519). */
export const PublicKeyResponse = Type.Object({ data: Type.Object({ public_key: Type.String() }) });

/** The account routes, for clients to derive typed calls from. */
export const accountRoutes = {
  createAccount: {
    method: 'POST',
    url: '/switchboard/accounts',
    body: CreateAccount,
    response: CreatedAccountResponse,
  },
  getAccount: { method: 'GET', url: '/switchboard/account', response: AccountResponse },
  updateAccountSettings: {
    method: 'PATCH',
    url: '/switchboard/account',
    body: AccountSettingsPatch,
    response: AccountResponse,
  },
  getPublicKey: { method: 'GET', url: '/switchboard/public_key', response: PublicKeyResponse },
} as const;

export type CreateAccount = Static<typeof CreateAccount>;
export type CreatedAccount = Static<typeof CreatedAccount>;
export type AccountView = Static<typeof AccountView>;
export type AccountSettingsPatch = Static<typeof AccountSettingsPatch>;
export type AccountSettings = Static<typeof AccountSettings>;

import Type, { type Static } from 'typebox';
import { Nullable, OneOf } from '../fields.js';

/** A signing key as the API shows it: never the private half. */
export const SigningKeyView = Type.Object({
  id: Type.String(),
  public_key: Type.String(),
  /** `current` signs new deliveries; `retiring` is still listed until `retires_at`. */
  status: OneOf(['current', 'retiring']),
  created_at: Type.String(),
  retires_at: Nullable(Type.String()),
});

/** The current key first, then keys still in their overlap window. */
export const SigningKeyList = Type.Object({ data: Type.Array(SigningKeyView) });

/** The signing key routes, for clients to derive typed calls from. */
export const signingKeyRoutes = {
  listSigningKeys: { method: 'GET', url: '/switchboard/signing_keys', response: SigningKeyList },
  rotateSigningKey: {
    method: 'POST',
    url: '/switchboard/signing_keys/rotate',
    response: SigningKeyList,
  },
} as const;

export type SigningKeyView = Static<typeof SigningKeyView>;

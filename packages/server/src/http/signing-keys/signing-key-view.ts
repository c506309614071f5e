import type { SigningKeyView } from '@switchboard/core/contract';
import type { SigningKey } from '../../storage/store.js';

export type { SigningKeyView } from '@switchboard/core/contract';

/** A signing key as the API shows it: never the private half. */
export function signingKeyView(key: SigningKey): SigningKeyView {
  return {
    id: key.id,
    public_key: key.publicKey,
    status: key.retiresAt === null ? 'current' : 'retiring',
    created_at: new Date(key.createdAt).toISOString(),
    retires_at: key.retiresAt === null ? null : new Date(key.retiresAt).toISOString(),
  };
}

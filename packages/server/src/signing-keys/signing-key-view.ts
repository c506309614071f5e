import type { SigningKey } from '../storage/store.js';

/** A signing key as the API shows it: never the private half. */
export interface SigningKeyView {
  readonly id: string;
  readonly public_key: string;
  /** `current` signs new deliveries; `retiring` is still listed until `retires_at`. */
  readonly status: 'current' | 'retiring';
  readonly created_at: string;
  readonly retires_at: string | null;
}

export function signingKeyView(key: SigningKey): SigningKeyView {
  return {
    id: key.id,
    public_key: key.publicKey,
    status: key.retiresAt === null ? 'current' : 'retiring',
    created_at: new Date(key.createdAt).toISOString(),
    retires_at: key.retiresAt === null ? null : new Date(key.retiresAt).toISOString(),
  };
}

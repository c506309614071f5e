import type { SigningKey } from '../account-store.js';

/** A `signing_keys` row; the column names double as named bind parameters in SQLite. */
export type SigningKeyRow = {
  readonly id: string;
  readonly account_id: string;
  readonly public_key: string;
  readonly private_key: string;
  readonly created_at: number;
  readonly retires_at: number | null;
};

export function toSigningKey(row: SigningKeyRow): SigningKey {
  return {
    id: row.id,
    accountId: row.account_id,
    publicKey: row.public_key,
    privateKey: row.private_key,
    createdAt: row.created_at,
    retiresAt: row.retires_at,
  };
}

export function signingKeyRow(key: SigningKey): SigningKeyRow {
  return {
    id: key.id,
    account_id: key.accountId,
    public_key: key.publicKey,
    private_key: key.privateKey,
    created_at: key.createdAt,
    retires_at: key.retiresAt,
  };
}

import { expect } from 'vitest';
import type { Store } from '../../src/storage/store.js';

/** The six migrations shipped before phone numbers became unique across accounts. */
export const BEFORE_UNIQUE_NUMBERS = 6;

/**
 * Rows an older version could write, in SQL both dialects accept: two accounts holding the same
 * number (the first registered it earlier), and a number only the second holds.
 */
export const SHARED_NUMBER_SEED_SQL: readonly string[] = [
  `INSERT INTO resources (account_id, kind, id, data, created_at, updated_at) VALUES
   ('first', 'phone_number', 'n1', '{"id":"n1","phone_number":"+13125550001"}', 1, 1),
   ('second', 'phone_number', 'n2', '{"id":"n2","phone_number":"+13125550001"}', 2, 2),
   ('second', 'phone_number', 'n3', '{"id":"n3","phone_number":"+13125550002"}', 3, 3)`,
];

/** After the upgrade the number stays with the account that registered it first. */
export async function expectFirstHolderKept(store: Store): Promise<void> {
  const ids = async (account: string) =>
    (await store.listResources(account, 'phone_number')).map((resource) => resource.id);
  expect(await ids('first')).toEqual(['n1']);
  expect(await ids('second')).toEqual(['n3']);
}

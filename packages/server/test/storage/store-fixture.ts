import type { Store } from '../../src/storage/store.js';

/** One backend under test, on an empty, migrated database of its own. */
export interface StoreFixture {
  readonly store: Store;
  /** Another store on the same database with its own connection(s); the test closes it. */
  openPeer(): Promise<Store>;
  /** Closes `store` and removes the database. */
  destroy(): Promise<void>;
}

export type MakeStoreFixture = () => Promise<StoreFixture>;

/** What each part of the contract suite sees: the current test's fixture. */
export interface ContractContext {
  readonly fixture: StoreFixture;
  readonly store: Store;
}

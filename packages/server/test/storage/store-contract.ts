import { afterEach, beforeEach, describe } from 'vitest';
import { accountsContract } from './accounts-contract.js';
import { capturesContract } from './captures-contract.js';
import { completeManyContract } from './complete-many-contract.js';
import { concurrencyContract } from './concurrency-contract.js';
import { deliveryStatsContract } from './delivery-stats-contract.js';
import { listDeliveriesContract } from './list-deliveries-contract.js';
import { publishBatchContract } from './publish-batch-contract.js';
import { publishContract } from './publish-contract.js';
import { queueContract } from './queue-contract.js';
import { resourcesContract } from './resources-contract.js';
import { retentionContract } from './retention-contract.js';
import type { ContractContext, MakeStoreFixture, StoreFixture } from './store-fixture.js';

export type { MakeStoreFixture, StoreFixture } from './store-fixture.js';

/**
 * The behaviour every {@link Store} backend must show, run against a real database. Each test
 * gets a fresh, empty, migrated database from `makeStore`.
 */
export function describeStoreContract(name: string, makeStore: MakeStoreFixture): void {
  describe(name, () => {
    let current: StoreFixture | undefined;
    const ctx: ContractContext = {
      get fixture() {
        if (current === undefined) throw new Error('No store: used outside a test');
        return current;
      },
      get store() {
        return this.fixture.store;
      },
    };

    beforeEach(async () => {
      current = await makeStore();
    });
    afterEach(async () => {
      await current?.destroy();
      current = undefined;
    });

    describe('accounts and signing keys', () => {
      accountsContract(ctx);
    });
    describe('resources', () => {
      resourcesContract(ctx);
    });
    describe('publish', () => {
      publishContract(ctx);
    });
    describe('publishBatch', () => {
      publishBatchContract(ctx);
    });
    describe('claims and completion', () => {
      queueContract(ctx);
    });
    describe('completeMany', () => {
      completeManyContract(ctx);
    });
    describe('listDeliveries', () => {
      listDeliveriesContract(ctx);
    });
    describe('deliveryStats', () => {
      deliveryStatsContract(ctx);
    });
    describe('inbox captures', () => {
      capturesContract(ctx);
    });
    describe('pruneFinished (retention)', () => {
      retentionContract(ctx);
    });
    describe('several stores on one database', () => {
      concurrencyContract(ctx);
    });
  });
}

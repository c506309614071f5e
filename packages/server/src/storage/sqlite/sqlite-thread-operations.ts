import type { AccountStore } from '../account-store.js';
import type { DeliveryQueries } from '../delivery-queries.js';
import type { DeliveryQueue } from '../delivery-queue.js';
import type { InboxStore } from '../inbox-store.js';
import type { ResourceStore } from '../resource-store.js';
import type { RetentionStore } from '../retention-store.js';
import type { StoreLifecycle } from '../store-lifecycle.js';
import type { SqliteStore } from './sqlite-store.js';

/** One operation of the database thread: the arguments it takes and what it answers. */
export interface Operation<Args extends readonly unknown[], Result> {
  readonly args: Args;
  readonly result: Result;
}

/** The operation a store method becomes: its parameters and its promise's value, as they are. */
type Of<Method extends (...args: never[]) => Promise<unknown>> = Operation<
  Parameters<Method>,
  Awaited<ReturnType<Method>>
>;

/**
 * Everything the database thread does, by operation: the protocol between `SqliteThreadStore`
 * (the caller) and the thread host, which runs each operation on its {@link SqliteStore}. Each
 * entry is derived from the role method it serves, so a change to a role that the thread does
 * not follow fails to compile on both sides. Where the thread answers more than the role
 * (`publish` tells whether the deliveries read back as given, for the caller's unclaimed cache),
 * the entry is derived from the {@link SqliteStore} method that answers it.
 */
export interface SqliteThreadOperations {
  // The store as a whole
  readonly migrate: Of<StoreLifecycle['migrate']>;
  /** Ends the thread too, once answered. */
  readonly close: Of<StoreLifecycle['close']>;
  /** The page cache, then the thread's own heap, which only a collection run there can shrink. */
  readonly releaseMemory: Of<SqliteStore['releaseMemory']>;
  /** Commits checkpoint again, after the WAL checkpointer's thread gave up. */
  readonly resumeCommitCheckpoints: Of<SqliteStore['resumeCommitCheckpoints']>;

  // Accounts and keys
  readonly createAccount: Of<AccountStore['createAccount']>;
  readonly getAccount: Of<AccountStore['getAccount']>;
  readonly findAccountByKeyHash: Of<AccountStore['findAccountByKeyHash']>;
  readonly updateAccountSettings: Of<AccountStore['updateAccountSettings']>;
  readonly listAccounts: Of<AccountStore['listAccounts']>;
  readonly listSigningKeys: Of<AccountStore['listSigningKeys']>;
  readonly rotateSigningKey: Of<AccountStore['rotateSigningKey']>;

  // Resources
  readonly putResource: Of<ResourceStore['putResource']>;
  readonly getResource: Of<ResourceStore['getResource']>;
  readonly listResources: Of<ResourceStore['listResources']>;
  readonly deleteResource: Of<ResourceStore['deleteResource']>;

  // Publishing, reported for the caller's cache of unclaimed deliveries
  readonly publish: Of<SqliteStore['publishReporting']>;
  readonly publishBatch: Of<SqliteStore['publishBatchReporting']>;

  // The queue: a claim answers the columns it changed; the caller reads the rest by id if needed
  readonly claimColumns: Of<SqliteStore['claimColumns']>;
  readonly getDeliveriesById: Of<SqliteStore['getDeliveriesById']>;
  readonly complete: Of<DeliveryQueue['complete']>;
  readonly completeMany: Of<DeliveryQueue['completeMany']>;
  readonly releaseLeases: Of<DeliveryQueue['releaseLeases']>;
  readonly nextDueAt: Of<DeliveryQueue['nextDueAt']>;

  // Delivery queries
  readonly getEvent: Of<DeliveryQueries['getEvent']>;
  readonly getDelivery: Of<DeliveryQueries['getDelivery']>;
  readonly listAttempts: Of<DeliveryQueries['listAttempts']>;
  readonly listDeliveries: Of<DeliveryQueries['listDeliveries']>;
  readonly requeue: Of<DeliveryQueries['requeue']>;
  readonly countQueued: Of<DeliveryQueries['countQueued']>;
  readonly deliveryStats: Of<DeliveryQueries['deliveryStats']>;

  // Retention
  readonly pruneFinished: Of<RetentionStore['pruneFinished']>;

  // Inbox captures
  readonly findInboxByToken: Of<InboxStore['findInboxByToken']>;
  readonly insertCapture: Of<InboxStore['insertCapture']>;
  readonly getCapture: Of<InboxStore['getCapture']>;
  readonly listCaptures: Of<InboxStore['listCaptures']>;
  readonly capturesAfter: Of<InboxStore['capturesAfter']>;
  readonly lastCaptureSequence: Of<InboxStore['lastCaptureSequence']>;
  readonly addForwardAttempt: Of<InboxStore['addForwardAttempt']>;
}

export type OperationName = keyof SqliteThreadOperations;
export type ArgsOf<K extends OperationName> = SqliteThreadOperations[K]['args'];
export type ResultOf<K extends OperationName> = SqliteThreadOperations[K]['result'];

/** How the host runs each operation: one function per entry, typed by it. */
export type OperationTable<Target> = {
  readonly [K in OperationName]: (target: Target, ...args: ArgsOf<K>) => Promise<ResultOf<K>>;
};

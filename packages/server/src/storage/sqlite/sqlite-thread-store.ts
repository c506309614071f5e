import { endsWithin } from '../../support/settle-within.js';
import type { InboxStore } from '../inbox-store.js';
import { byDueTime } from '../sql/delivery-row.js';
import type {
  Account,
  AttemptRecord,
  ClaimInput,
  CompleteInput,
  Delivery,
  DeliveryFilter,
  DeliveryStats,
  EventRecord,
  JsonObject,
  Page,
  PageResult,
  PruneResult,
  PublishInput,
  PublishResult,
  Resource,
  SigningKey,
  Store,
} from '../store.js';
import { UnclaimedDeliveries } from '../unclaimed-deliveries.js';
import type { SqliteStoreOptions } from './sqlite-database.js';
import { SqliteThreadClient } from './sqlite-thread-client.js';
import { WalCheckpointer } from './wal-checkpointer.js';

/** How long a close waits for the thread to commit, checkpoint and end before giving up on it. */
export const THREAD_CLOSE_MS = 1_000;

/** Opens a SQLite store whose database runs on a thread of its own (see {@link SqliteThreadStore}). */
export async function openSqliteThreadStore(
  options: SqliteStoreOptions,
): Promise<SqliteThreadStore> {
  const store = new SqliteThreadStore(options);
  await store.ready;
  return store;
}

/**
 * The SQLite {@link Store} with the database on a worker thread. better-sqlite3 is synchronous,
 * so on the event loop every statement, commit and checkpoint would stall the HTTP work of the
 * delivery worker and the API; here they run beside it, on the machine's other core. Calls made
 * during one turn of the event loop travel together and share one group commit in the thread.
 *
 * The deliveries published through this store are remembered until claimed
 * ({@link UnclaimedDeliveries}), so a claim brings back only the columns it changed. The WAL of
 * a database file is checkpointed by a third thread ({@link WalCheckpointer}), not by commits.
 */
export class SqliteThreadStore implements Store {
  readonly dialect = 'sqlite';
  readonly ready: Promise<void>;
  readonly inboxes: InboxStore;
  readonly #client: SqliteThreadClient;
  readonly #unclaimed = new UnclaimedDeliveries();
  #checkpointer: WalCheckpointer | null = null;
  #closed: Promise<void> | null = null;
  #accountWrites = 0;

  constructor(options: SqliteStoreOptions) {
    // A private in-memory database has no WAL to checkpoint.
    const separate = options.filename !== ':memory:' && options.checkpointOnCommit !== true;
    this.#client = new SqliteThreadClient({ ...options, checkpointOnCommit: !separate });
    this.ready = this.#client.ready.then(() => {
      // A store closed before it was ready has no WAL left to look after.
      if (separate && this.#closed === null) this.#checkpointer = this.#startCheckpointer(options);
    });
    this.inboxes = inboxesThrough(this.#client);
  }

  #startCheckpointer(options: SqliteStoreOptions): WalCheckpointer {
    return WalCheckpointer.start({
      filename: options.filename,
      // Without it the WAL would grow for good: the writer takes the work back. The store has no
      // logger, so the reason goes out as a process warning (stderr, and `process.on('warning')`).
      onGiveUp: (error) => {
        process.emitWarning(`SQLite WAL checkpointer stopped: ${error.message}`, {
          code: 'SB_WAL_CHECKPOINTER_STOPPED',
          detail: 'Commits checkpoint the WAL again.',
        });
        // It fails only once the database thread has ended, and then every call reports that.
        this.#client.call('resumeCommitCheckpoints').catch(() => undefined);
      },
    });
  }

  migrate(): Promise<void> {
    return this.#client.call('migrate');
  }

  /**
   * Closes the database (committing what is queued) and ends the thread; later calls fail. A
   * thread that does not answer within {@link THREAD_CLOSE_MS} (a statement waiting on another
   * process's lock, a stalled disk) is given up on: the close resolves, the calls still waiting
   * fail (nothing they wrote was reported as done), and the thread finishes the close by itself.
   */
  close(): Promise<void> {
    this.#closed ??= this.#closeWithin(THREAD_CLOSE_MS);
    return this.#closed;
  }

  async #closeWithin(ms: number): Promise<void> {
    // First, so that the writer's connection is the last one and its close empties the WAL.
    await this.#checkpointer?.stop();
    if (await endsWithin(this.#client.call('close'), ms)) await this.#client.exited();
    else this.#client.giveUp(new Error('The SQLite store was closed while its thread was stuck'));
  }

  get accountWrites(): number {
    return this.#accountWrites;
  }

  async createAccount(account: Account, key: SigningKey): Promise<void> {
    await this.#client.call('createAccount', account, key);
    this.#accountWrites += 1;
  }

  /** The page cache, and the database thread's own heap (see the thread host). */
  releaseMemory(): Promise<void> {
    return this.#client.call('releaseMemory');
  }

  getAccount(id: string): Promise<Account | null> {
    return this.#client.call('getAccount', id);
  }

  findAccountByKeyHash(apiKeyHash: string): Promise<Account | null> {
    return this.#client.call('findAccountByKeyHash', apiKeyHash);
  }

  async updateAccountSettings(id: string, settings: JsonObject): Promise<void> {
    await this.#client.call('updateAccountSettings', id, settings);
    this.#accountWrites += 1;
  }

  listAccounts(): Promise<readonly Account[]> {
    return this.#client.call('listAccounts');
  }

  listSigningKeys(accountId: string, now: number): Promise<readonly SigningKey[]> {
    return this.#client.call('listSigningKeys', accountId, now);
  }

  rotateSigningKey(key: SigningKey, retireAt: number): Promise<void> {
    return this.#client.call('rotateSigningKey', key, retireAt);
  }

  putResource(resource: Resource): Promise<void> {
    return this.#client.call('putResource', resource);
  }

  getResource(accountId: string, kind: string, id: string): Promise<Resource | null> {
    return this.#client.call('getResource', accountId, kind, id);
  }

  listResources(accountId: string, kind: string): Promise<readonly Resource[]> {
    return this.#client.call('listResources', accountId, kind);
  }

  deleteResource(accountId: string, kind: string, id: string): Promise<boolean> {
    return this.#client.call('deleteResource', accountId, kind, id);
  }

  async publish(input: PublishInput): Promise<PublishResult> {
    const reported = await this.#client.call('publish', input);
    const { result, asIs, webhookBytes } = reported;
    if (result.created) {
      for (const delivery of input.deliveries)
        this.#unclaimed.remember(input.event, delivery, asIs, webhookBytes);
    }
    return result;
  }

  async publishBatch(inputs: readonly PublishInput[]): Promise<readonly boolean[]> {
    const writes = await this.#client.call('publishBatch', inputs);
    return writes.map(({ created, asIs, webhookBytes }, index) => {
      const input = inputs[index];
      if (created && input !== undefined) {
        for (const delivery of input.deliveries)
          this.#unclaimed.remember(input.event, delivery, asIs, webhookBytes);
      }
      return created;
    });
  }

  getEvent(accountId: string, id: string): Promise<EventRecord | null> {
    return this.#client.call('getEvent', accountId, id);
  }

  async claimDue(input: ClaimInput): Promise<readonly Delivery[]> {
    const rows = await this.#client.call('claimColumns', input);
    const lease = { owner: input.owner, expiresAt: input.now + input.leaseMs };
    const { known, unknownIds } = this.#unclaimed.resolve(rows, lease);
    if (unknownIds.length === 0) return known.sort(byDueTime);
    const read = await this.#client.call('getDeliveriesById', unknownIds);
    return [...known, ...read].sort(byDueTime);
  }

  complete(input: CompleteInput): Promise<boolean> {
    return this.#client.call('complete', input);
  }

  completeMany(inputs: readonly CompleteInput[]): Promise<readonly boolean[]> {
    return this.#client.call('completeMany', inputs);
  }

  releaseLeases(owner: string, now: number): Promise<number> {
    return this.#client.call('releaseLeases', owner, now);
  }

  nextDueAt(): Promise<number | null> {
    return this.#client.call('nextDueAt');
  }

  getDelivery(accountId: string, id: string): Promise<Delivery | null> {
    return this.#client.call('getDelivery', accountId, id);
  }

  listAttempts(deliveryId: string): Promise<readonly AttemptRecord[]> {
    return this.#client.call('listAttempts', deliveryId);
  }

  listDeliveries(
    accountId: string,
    filter: DeliveryFilter,
    page: Page,
  ): Promise<PageResult<Delivery>> {
    return this.#client.call('listDeliveries', accountId, filter, page);
  }

  requeue(accountId: string, id: string, now: number): Promise<Delivery | null> {
    return this.#client.call('requeue', accountId, id, now);
  }

  countQueued(): Promise<number> {
    return this.#client.call('countQueued');
  }

  pruneFinished(before: number, limit: number): Promise<PruneResult> {
    return this.#client.call('pruneFinished', before, limit);
  }

  deliveryStats(accountId: string, sinceMs: number, bucketMs: number): Promise<DeliveryStats> {
    return this.#client.call('deliveryStats', accountId, sinceMs, bucketMs);
  }
}

function inboxesThrough(client: SqliteThreadClient): InboxStore {
  return {
    findInboxByToken: (token) => client.call('findInboxByToken', token),
    insertCapture: (capture) => client.call('insertCapture', capture),
    getCapture: (accountId, id) => client.call('getCapture', accountId, id),
    listCaptures: (accountId, filter, page) => client.call('listCaptures', accountId, filter, page),
    capturesAfter: (accountId, after, limit, filter) =>
      client.call('capturesAfter', accountId, after, limit, filter),
    lastCaptureSequence: (accountId) => client.call('lastCaptureSequence', accountId),
    addForwardAttempt: (accountId, captureId, attempt) =>
      client.call('addForwardAttempt', accountId, captureId, attempt),
  };
}

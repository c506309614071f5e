import type Database from 'better-sqlite3';
import { accountRow, toAccount } from '../sql/account-row.js';
import { attemptRow, toAttempt } from '../sql/attempt-row.js';
import {
  byDueTime,
  completionColumns,
  deliveryInsertRow,
  toDelivery,
  type DeliveryRow,
} from '../sql/delivery-row.js';
import { claimWindow } from '../sql/claim-window.js';
import { deliveryListQuery } from '../sql/delivery-list-query.js';
import { deliveryStatsQueries } from '../sql/delivery-stats-query.js';
import { toDeliveryStats, type DeliveryStatsRows } from '../sql/delivery-stats-rows.js';
import { eventRow, toEvent } from '../sql/event-row.js';
import { toJsonText } from '../sql/json-text.js';
import { asResourceConflict } from '../resource-conflict-error.js';
import { resourceRow, toResource } from '../sql/resource-row.js';
import { signingKeyRow, toSigningKey } from '../sql/signing-key-row.js';
import {
  jsonStoredAsIs,
  UnclaimedDeliveries,
  type ClaimedColumns,
} from '../unclaimed-deliveries.js';
import {
  type Account,
  type AttemptRecord,
  type ClaimInput,
  type CompleteInput,
  type Delivery,
  type DeliveryFilter,
  type DeliveryStats,
  type EventRecord,
  type JsonObject,
  type Page,
  type PageResult,
  type PruneResult,
  type PublishInput,
  type PublishResult,
  type Resource,
  type SigningKey,
  type Store,
} from '../store.js';
import {
  openSqliteDatabase,
  resumeCommitCheckpoints,
  type SqliteStoreOptions,
} from './sqlite-database.js';
import { SQLITE_FLAVOR } from './sqlite-flavor.js';
import { SqliteGroupCommit } from './sqlite-group-commit.js';
import { SqliteInboxStore } from './sqlite-inbox-store.js';
import { SQLITE_MIGRATIONS } from './sqlite-migrations.js';
import { pruneSqliteBatch } from './sqlite-retention.js';
import { migrateSqlite } from './sqlite-migrator.js';
import { SqliteStatementCache } from './sqlite-statement-cache.js';
import { prepareSqliteStatements, type SqliteStatements } from './sqlite-statements.js';

export type { SqliteStoreOptions } from './sqlite-database.js';

/** A publish's result, and whether its deliveries read back exactly as given. */
export interface ReportedPublish {
  readonly result: PublishResult;
  readonly asIs: boolean;
  /** Length of the stored webhook JSON, which bounds the unclaimed cache by bytes. */
  readonly webhookBytes: number;
}

/** Whether one input of a batch created its event, and whether its deliveries read back as given. */
export interface PublishWrite {
  readonly created: boolean;
  readonly asIs: boolean;
  readonly webhookBytes: number;
}

/** Opens (creating if needed) and migrates a SQLite store. */
export async function openSqliteStore(options: SqliteStoreOptions): Promise<SqliteStore> {
  const store = new SqliteStore(options);
  try {
    await store.migrate();
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}

/**
 * {@link Store} over one better-sqlite3 connection. The driver is synchronous; each method runs to
 * completion before it returns its promise, so no two of them interleave on the connection.
 * The hot writes (`publish`, `complete`) share transactions through {@link SqliteGroupCommit}.
 * Write transactions are IMMEDIATE so that other processes on the same file wait on the busy
 * timeout instead of failing halfway.
 */
export class SqliteStore implements Store {
  readonly dialect = 'sqlite';
  readonly #db: Database.Database;
  readonly #dynamic: SqliteStatementCache;
  readonly #createAccountTx: Database.Transaction<(account: Account, key: SigningKey) => void>;
  readonly #rotateKeyTx: Database.Transaction<(key: SigningKey, retireAt: number) => void>;
  readonly #groupCommit: SqliteGroupCommit;
  readonly #unclaimed: UnclaimedDeliveries | null;
  readonly inboxes: SqliteInboxStore;
  #prepared: SqliteStatements | undefined;
  #prune: ((before: number, limit: number) => PruneResult) | undefined;
  #accountWrites = 0;

  constructor(options: SqliteStoreOptions) {
    this.#db = openSqliteDatabase(options);
    this.#dynamic = new SqliteStatementCache(this.#db);
    this.#createAccountTx = this.#db.transaction((account: Account, key: SigningKey) => {
      this.#s.insertAccount.run(accountRow(account));
      this.#s.insertSigningKey.run(signingKeyRow(key));
    });
    this.#rotateKeyTx = this.#db.transaction((key: SigningKey, retireAt: number) => {
      this.#s.retireCurrentKeys.run(retireAt, key.accountId);
      this.#s.insertSigningKey.run(signingKeyRow(key));
    });
    this.#groupCommit = new SqliteGroupCommit(this.#db);
    this.#unclaimed = options.rememberUnclaimed === false ? null : new UnclaimedDeliveries();
    this.inboxes = new SqliteInboxStore(this.#db);
  }

  /** Prepared on first use: the tables must exist first, and `migrate` creates them. */
  get #s(): SqliteStatements {
    this.#prepared ??= prepareSqliteStatements(this.#db);
    return this.#prepared;
  }

  migrate(): Promise<void> {
    return settle(() => {
      migrateSqlite(this.#db, SQLITE_MIGRATIONS);
    });
  }

  close(): Promise<void> {
    return settle(() => {
      if (!this.#db.open) return;
      this.#groupCommit.flush();
      this.#db.close();
    });
  }

  get accountWrites(): number {
    return this.#accountWrites;
  }

  /** Commits checkpoint the WAL again: the checkpointer that did it has given up. */
  resumeCommitCheckpoints(): Promise<void> {
    return settle(() => {
      if (this.#db.open) resumeCommitCheckpoints(this.#db);
    });
  }

  /** Frees what the page cache holds (`PRAGMA shrink_memory`); it refills from the file. */
  releaseMemory(): Promise<void> {
    return settle(() => {
      if (this.#db.open) this.#db.pragma('shrink_memory');
    });
  }

  createAccount(account: Account, key: SigningKey): Promise<void> {
    return settle(() => {
      this.#createAccountTx.immediate(account, key);
      this.#accountWrites += 1;
    });
  }

  getAccount(id: string): Promise<Account | null> {
    return settle(() => mapOne(this.#s.getAccount.get(id), toAccount));
  }

  findAccountByKeyHash(apiKeyHash: string): Promise<Account | null> {
    return settle(() => mapOne(this.#s.findAccountByKeyHash.get(apiKeyHash), toAccount));
  }

  updateAccountSettings(id: string, settings: JsonObject): Promise<void> {
    return settle(() => {
      this.#s.updateAccountSettings.run(toJsonText(settings), id);
      this.#accountWrites += 1;
    });
  }

  listAccounts(): Promise<readonly Account[]> {
    return settle(() => this.#s.listAccounts.all().map(toAccount));
  }

  listSigningKeys(accountId: string, now: number): Promise<readonly SigningKey[]> {
    return settle(() => this.#s.listSigningKeys.all(accountId, now).map(toSigningKey));
  }

  rotateSigningKey(key: SigningKey, retireAt: number): Promise<void> {
    return settle(() => {
      this.#rotateKeyTx.immediate(key, retireAt);
    });
  }

  putResource(resource: Resource): Promise<void> {
    return settle(() => {
      try {
        this.#s.putResource.run(resourceRow(resource));
      } catch (error) {
        throw asResourceConflict(error);
      }
    });
  }

  getResource(accountId: string, kind: string, id: string): Promise<Resource | null> {
    return settle(() => mapOne(this.#s.getResource.get(accountId, kind, id), toResource));
  }

  listResources(accountId: string, kind: string): Promise<readonly Resource[]> {
    return settle(() => this.#s.listResources.all(accountId, kind).map(toResource));
  }

  deleteResource(accountId: string, kind: string, id: string): Promise<boolean> {
    return settle(() => this.#s.deleteResource.run(accountId, kind, id).changes > 0);
  }

  async publish(input: PublishInput): Promise<PublishResult> {
    return (await this.publishReporting(input)).result;
  }

  /**
   * `publish`, also telling whether the deliveries read back exactly as given (see
   * {@link jsonStoredAsIs}), so a caller in another thread may remember them unclaimed.
   */
  publishReporting(input: PublishInput): Promise<ReportedPublish> {
    return this.#groupCommit.run(() => this.#publishNow(input));
  }

  async publishBatch(inputs: readonly PublishInput[]): Promise<readonly boolean[]> {
    return (await this.publishBatchReporting(inputs)).map((write) => write.created);
  }

  /** `publishBatch`, also telling for each input whether its deliveries read back as given. */
  publishBatchReporting(inputs: readonly PublishInput[]): Promise<readonly PublishWrite[]> {
    // One job of the group commit: it commits whole or, if any write throws, not at all.
    return this.#groupCommit.run(() => inputs.map((input) => this.#write(input)));
  }

  #publishNow(input: PublishInput): ReportedPublish {
    const { created, asIs, webhookBytes } = this.#write(input);
    if (created) return { result: { created: true }, asIs, webhookBytes };
    const existing = this.#existingEvent(input.event);
    return { result: { created: false, existing }, asIs, webhookBytes };
  }

  #write({ event, deliveries }: PublishInput): PublishWrite {
    const row = eventRow(event);
    if (this.#s.insertEvent.run(row).changes === 0)
      return { created: false, asIs: false, webhookBytes: 0 };
    let asIs = jsonStoredAsIs(row.webhook);
    for (const delivery of deliveries) {
      const deliveryRow = deliveryInsertRow(event, delivery);
      this.#s.insertDelivery.run(deliveryRow);
      asIs &&= jsonStoredAsIs(deliveryRow.options);
    }
    const webhookBytes = row.webhook.length;
    if (this.#unclaimed !== null) {
      for (const delivery of deliveries)
        this.#unclaimed.remember(event, delivery, asIs, webhookBytes);
    }
    return { created: true, asIs, webhookBytes };
  }

  #existingEvent(event: EventRecord): EventRecord {
    const row = this.#s.getEvent.get(event.accountId, event.id);
    if (row === undefined) throw new Error(`Event ${event.id} conflicted but cannot be read`);
    return toEvent(row);
  }

  getEvent(accountId: string, id: string): Promise<EventRecord | null> {
    return settle(() => mapOne(this.#s.getEvent.get(accountId, id), toEvent));
  }

  /** Claims share the group commit: their pages are mostly the ones completions rewrite. */
  claimDue(input: ClaimInput): Promise<readonly Delivery[]> {
    return this.#groupCommit.run(() => {
      const rows = this.#claimNow(input);
      const lease = { owner: input.owner, expiresAt: input.now + input.leaseMs };
      const { known, unknownIds } = this.#unclaimed?.resolve(rows, lease) ?? {
        known: [],
        unknownIds: rows.map((row) => row.id),
      };
      return [...known, ...this.#deliveriesById(unknownIds)].sort(byDueTime);
    });
  }

  /** The claim alone: the columns it changed, for a caller that remembers the rest. */
  claimColumns(input: ClaimInput): Promise<readonly ClaimedColumns[]> {
    return this.#groupCommit.run(() => this.#claimNow(input));
  }

  #claimNow(input: ClaimInput): ClaimedColumns[] {
    const bounds = claimWindow(input);
    return this.#s.claimDue.all({
      owner: input.owner,
      now: input.now,
      lease_expires_at: input.now + input.leaseMs,
      limit: input.limit,
      exclude_origins: JSON.stringify(input.excludeOrigins ?? []),
      scan: bounds.scan,
      origin_room: bounds.originRoom,
      other_room: bounds.otherRoom,
    });
  }

  /** Deliveries in full by id, in no particular order. */
  getDeliveriesById(ids: readonly string[]): Promise<readonly Delivery[]> {
    return settle(() => this.#deliveriesById(ids));
  }

  #deliveriesById(ids: readonly string[]): Delivery[] {
    if (ids.length === 0) return [];
    return this.#s.getClaimed.all(JSON.stringify(ids)).map(toDelivery);
  }

  complete(input: CompleteInput): Promise<boolean> {
    return this.#groupCommit.run(() => this.#completeNow(input));
  }

  completeMany(inputs: readonly CompleteInput[]): Promise<readonly boolean[]> {
    return this.#groupCommit.run(() => inputs.map((input) => this.#completeNow(input)));
  }

  #completeNow(input: CompleteInput): boolean {
    const updated = this.#s.completeDelivery.run({
      id: input.deliveryId,
      owner: input.owner,
      attempt_count: input.attempts.length,
      rounds: input.rounds,
      ...completionColumns(input.update),
    });
    if (updated.changes === 0) return false;
    for (const attempt of input.attempts) {
      this.#s.insertAttempt.run(attemptRow(input.deliveryId, attempt));
    }
    return true;
  }

  releaseLeases(owner: string, now: number): Promise<number> {
    return settle(() => this.#s.releaseLeases.run(now, owner).changes);
  }

  nextDueAt(): Promise<number | null> {
    return settle(() => this.#s.nextDueAt.get()?.due ?? null);
  }

  getDelivery(accountId: string, id: string): Promise<Delivery | null> {
    return settle(() => mapOne(this.#s.getDelivery.get(accountId, id), toDelivery));
  }

  listAttempts(deliveryId: string): Promise<readonly AttemptRecord[]> {
    return settle(() => this.#s.listAttempts.all(deliveryId).map(toAttempt));
  }

  listDeliveries(
    accountId: string,
    filter: DeliveryFilter,
    page: Page,
  ): Promise<PageResult<Delivery>> {
    return settle(() => {
      const query = deliveryListQuery(accountId, filter, page, SQLITE_FLAVOR);
      const count = this.#dynamic
        .get<{ total: number }>(query.count.sql)
        .get(...query.count.values);
      const rows = this.#dynamic.get<DeliveryRow>(query.page.sql).all(...query.page.values);
      return { rows: rows.map(toDelivery), total: count?.total ?? 0 };
    });
  }

  requeue(accountId: string, id: string, now: number): Promise<Delivery | null> {
    return settle(() => mapOne(this.#s.requeue.get(now, accountId, id), toDelivery));
  }

  countQueued(): Promise<number> {
    return settle(() => this.#s.countQueued.get()?.total ?? 0);
  }

  pruneFinished(before: number, limit: number): Promise<PruneResult> {
    return settle(() => (this.#prune ??= pruneSqliteBatch(this.#db))(before, limit));
  }

  deliveryStats(accountId: string, sinceMs: number, bucketMs: number): Promise<DeliveryStats> {
    return settle(() => {
      const q = deliveryStatsQueries(accountId, sinceMs, bucketMs, SQLITE_FLAVOR);
      const all = <Row>(query: { sql: string; values: readonly unknown[] }) =>
        this.#dynamic.get<Row>(query.sql).all(...query.values);
      const rows: DeliveryStatsRows = {
        deliveries: all(q.deliveries),
        attempts: all(q.attempts),
        queueDepth: all<{ total: number }>(q.queueDepth)[0]?.total ?? 0,
      };
      return toDeliveryStats(sinceMs, bucketMs, rows);
    });
  }
}

/** Runs synchronous driver work as a promise, turning a throw into a rejection. */
function settle<T>(work: () => T): Promise<T> {
  return new Promise((resolve) => {
    resolve(work());
  });
}

function mapOne<R, T>(row: R | undefined, map: (row: R) => T): T | null {
  return row === undefined ? null : map(row);
}

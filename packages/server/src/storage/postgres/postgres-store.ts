import type pg from 'pg';
import { toAccount, type AccountRow } from '../sql/account-row.js';
import { attemptRow, toAttempt, type AttemptRow } from '../sql/attempt-row.js';
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
import type { SqlQuery } from '../sql/sql-flavor.js';
import { toDeliveryStats, type DeliveryStatsRows } from '../sql/delivery-stats-rows.js';
import { toEvent, type EventRow } from '../sql/event-row.js';
import { toJsonText } from '../sql/json-text.js';
import { asResourceConflict } from '../resource-conflict-error.js';
import { resourceRow, toResource, type ResourceRow } from '../sql/resource-row.js';
import { toSigningKey, type SigningKeyRow } from '../sql/signing-key-row.js';
import { TurnBatch } from '../turn-batch.js';
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
import { POSTGRES_FLAVOR } from './postgres-flavor.js';
import { PostgresInboxStore } from './postgres-inbox-store.js';
import { dueChannel, listenForDue } from './postgres-due-listener.js';
import { PostgresDueNotifier } from './postgres-due-notifier.js';
import { POSTGRES_MIGRATIONS } from './postgres-migrations.js';
import { migratePostgres } from './postgres-migrator.js';
import { prunePostgresBatch } from './postgres-retention.js';
import { checkedSchema, createPostgresPool, type PostgresStoreOptions } from './postgres-pool.js';
import {
  PG_ACCOUNT_SQL as A,
  PG_DELIVERY_SQL as D,
  PG_RESOURCE_SQL as R,
  type NamedSql,
} from './postgres-queries.js';

export type { PostgresStoreOptions } from './postgres-pool.js';

/** Opens and migrates a PostgreSQL store (creating its schema if one is given). */
export async function openPostgresStore(options: PostgresStoreOptions): Promise<PostgresStore> {
  const store = new PostgresStore(options);
  try {
    await store.migrate();
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}

/**
 * {@link Store} over a pg connection pool. Every operation is one statement, hence atomic without
 * an explicit transaction and one round trip; several processes may share the database.
 */
export class PostgresStore implements Store {
  readonly dialect = 'postgres';
  readonly #pool: pg.Pool;
  readonly #schema: string | undefined;
  readonly #options: PostgresStoreOptions;
  readonly inboxes: PostgresInboxStore;
  readonly #dueNotifier: PostgresDueNotifier;
  readonly #publishes = new TurnBatch<PublishInput, boolean>(
    (inputs) => this.#publishMany(inputs),
    (input) => this.#publishOne(input),
  );
  #closed = false;
  #accountWrites = 0;

  constructor(options: PostgresStoreOptions) {
    this.#schema = checkedSchema(options.schema);
    this.#options = options;
    this.#pool = createPostgresPool(options);
    const channel = dueChannel(this.#schema);
    this.#dueNotifier = new PostgresDueNotifier(() => this.#run(D.notifyDue, [channel]));
    this.inboxes = new PostgresInboxStore(this.#pool);
  }

  async migrate(): Promise<void> {
    await migratePostgres(this.#pool, this.#schema, POSTGRES_MIGRATIONS);
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#dueNotifier.settled();
    await this.#pool.end();
  }

  get accountWrites(): number {
    return this.#accountWrites;
  }

  async createAccount(account: Account, key: SigningKey): Promise<void> {
    await this.#run(A.createAccount, [
      account.id,
      account.name,
      account.apiKeyHash,
      toJsonText(account.settings),
      account.createdAt,
      key.id,
      key.publicKey,
      key.privateKey,
      key.createdAt,
      key.retiresAt,
    ]);
    this.#accountWrites += 1;
  }

  async getAccount(id: string): Promise<Account | null> {
    return mapOne(await this.#rows<AccountRow>(A.getAccount, [id]), toAccount);
  }

  async findAccountByKeyHash(apiKeyHash: string): Promise<Account | null> {
    return mapOne(await this.#rows<AccountRow>(A.findAccountByKeyHash, [apiKeyHash]), toAccount);
  }

  async updateAccountSettings(id: string, settings: JsonObject): Promise<void> {
    await this.#run(A.updateAccountSettings, [id, toJsonText(settings)]);
    this.#accountWrites += 1;
  }

  async listAccounts(): Promise<readonly Account[]> {
    return (await this.#rows<AccountRow>(A.listAccounts, [])).map(toAccount);
  }

  async listSigningKeys(accountId: string, now: number): Promise<readonly SigningKey[]> {
    return (await this.#rows<SigningKeyRow>(A.listSigningKeys, [accountId, now])).map(toSigningKey);
  }

  async rotateSigningKey(key: SigningKey, retireAt: number): Promise<void> {
    await this.#run(A.rotateSigningKey, [
      key.id,
      key.accountId,
      key.publicKey,
      key.privateKey,
      key.createdAt,
      key.retiresAt,
      retireAt,
    ]);
  }

  async putResource(resource: Resource): Promise<void> {
    const row = resourceRow(resource);
    const values = [row.account_id, row.kind, row.id, row.data, row.created_at, row.updated_at];
    await this.#run(R.putResource, values).catch((error: unknown) => {
      throw asResourceConflict(error);
    });
  }

  async getResource(accountId: string, kind: string, id: string): Promise<Resource | null> {
    return mapOne(await this.#rows<ResourceRow>(R.getResource, [accountId, kind, id]), toResource);
  }

  async listResources(accountId: string, kind: string): Promise<readonly Resource[]> {
    return (await this.#rows<ResourceRow>(R.listResources, [accountId, kind])).map(toResource);
  }

  async deleteResource(accountId: string, kind: string, id: string): Promise<boolean> {
    return (await this.#run(R.deleteResource, [accountId, kind, id])) > 0;
  }

  /** Publishes made during one turn of the event loop share one statement and one commit. */
  async publish(input: PublishInput): Promise<PublishResult> {
    // The existing event is read after the batch, so that a failed read cannot send a batch
    // that already committed back through the one-by-one path.
    if (await this.#publishes.add(input)) return { created: true };
    return { created: false, existing: await this.#existingEvent(input.event) };
  }

  /** One statement, hence one transaction; not merged with other publishes, so it commits whole or not at all. */
  publishBatch(inputs: readonly PublishInput[]): Promise<readonly boolean[]> {
    return inputs.length === 0 ? Promise.resolve([]) : this.#publishMany(inputs);
  }

  /** Inserts the batch's new events and their deliveries; true for each input that created its event. */
  async #publishMany(inputs: readonly PublishInput[]): Promise<readonly boolean[]> {
    // A repeated event id inside the batch is left out of it; it finds the first one's event.
    const firsts = new Map<string, PublishInput>();
    for (const input of inputs) {
      const key = eventKey(input.event.accountId, input.event.id);
      if (!firsts.has(key)) firsts.set(key, input);
    }
    const created = await this.#rows<{ account_id: string; id: string }>(
      D.publishMany,
      publishManyParams([...firsts.values()]),
    );
    if (created.length > 0) this.#dueNotifier.poke();
    const createdKeys = new Set(created.map((row) => eventKey(row.account_id, row.id)));
    return inputs.map((input) => {
      const key = eventKey(input.event.accountId, input.event.id);
      return firsts.get(key) === input && createdKeys.has(key);
    });
  }

  async #publishOne(input: PublishInput): Promise<boolean> {
    const [created] = await this.#publishMany([input]);
    return created === true;
  }

  async #existingEvent(event: EventRecord): Promise<EventRecord> {
    const existing = await this.getEvent(event.accountId, event.id);
    if (existing === null) throw new Error(`Event ${event.id} conflicted but cannot be read`);
    return existing;
  }

  async getEvent(accountId: string, id: string): Promise<EventRecord | null> {
    return mapOne(await this.#rows<EventRow>(D.getEvent, [accountId, id]), toEvent);
  }

  async claimDue(input: ClaimInput): Promise<readonly Delivery[]> {
    const bounds = claimWindow(input);
    const rows = await this.#rows<DeliveryRow>(D.claimDue, [
      input.owner,
      input.now + input.leaseMs,
      input.now,
      input.excludeOrigins ?? [],
      input.limit,
      bounds.scan,
      bounds.originRoom,
      bounds.otherRoom,
    ]);
    return rows.map(toDelivery).sort(byDueTime);
  }

  async complete(input: CompleteInput): Promise<boolean> {
    const columns = completionColumns(input.update);
    const attempts = input.attempts.map((attempt) => attemptRow(input.deliveryId, attempt));
    const [result] = await this.#rows<{ updated: number }>(D.complete, [
      input.deliveryId,
      input.owner,
      columns.state,
      input.attempts.length,
      input.rounds,
      columns.next_attempt_at,
      columns.finished_at,
      toJsonText(attempts),
    ]);
    return result !== undefined && result.updated > 0;
  }

  /** Calls `listener` whenever any process publishes a new event into this store's schema. */
  listenForDue(
    listener: () => void,
    onLost?: (error: Error) => void,
  ): Promise<() => Promise<void>> {
    return listenForDue(this.#options, dueChannel(this.#schema), listener, onLost);
  }

  async completeMany(inputs: readonly CompleteInput[]): Promise<readonly boolean[]> {
    if (inputs.length === 0) return [];
    const deliveries = inputs.map((input) => ({
      id: input.deliveryId,
      owner: input.owner,
      attempt_count: input.attempts.length,
      rounds: input.rounds,
      ...completionColumns(input.update),
    }));
    const attempts = inputs.flatMap((input) =>
      input.attempts.map((attempt) => attemptRow(input.deliveryId, attempt)),
    );
    const rows = await this.#rows<{ id: string }>(D.completeMany, [
      toJsonText(deliveries),
      toJsonText(attempts),
    ]);
    const updated = new Set(rows.map((row) => row.id));
    return inputs.map((input) => updated.has(input.deliveryId));
  }

  async releaseLeases(owner: string, now: number): Promise<number> {
    return this.#run(D.releaseLeases, [owner, now]);
  }

  async nextDueAt(): Promise<number | null> {
    const [row] = await this.#rows<{ due: number | null }>(D.nextDueAt, []);
    return row?.due ?? null;
  }

  async getDelivery(accountId: string, id: string): Promise<Delivery | null> {
    return mapOne(await this.#rows<DeliveryRow>(D.getDelivery, [accountId, id]), toDelivery);
  }

  async listAttempts(deliveryId: string): Promise<readonly AttemptRecord[]> {
    return (await this.#rows<AttemptRow>(D.listAttempts, [deliveryId])).map(toAttempt);
  }

  async listDeliveries(
    accountId: string,
    filter: DeliveryFilter,
    page: Page,
  ): Promise<PageResult<Delivery>> {
    const query = deliveryListQuery(accountId, filter, page, POSTGRES_FLAVOR);
    const [count, rows] = await Promise.all([
      this.#pool.query<{ total: number }>(query.count.sql, [...query.count.values]),
      this.#pool.query<DeliveryRow>(query.page.sql, [...query.page.values]),
    ]);
    return { rows: rows.rows.map(toDelivery), total: count.rows[0]?.total ?? 0 };
  }

  async requeue(accountId: string, id: string, now: number): Promise<Delivery | null> {
    return mapOne(await this.#rows<DeliveryRow>(D.requeue, [accountId, id, now]), toDelivery);
  }

  async countQueued(): Promise<number> {
    const [row] = await this.#rows<{ total: number }>(D.countQueued, []);
    return row?.total ?? 0;
  }

  pruneFinished(before: number, limit: number): Promise<PruneResult> {
    return prunePostgresBatch(this.#pool, before, limit);
  }

  async deliveryStats(
    accountId: string,
    sinceMs: number,
    bucketMs: number,
  ): Promise<DeliveryStats> {
    const q = deliveryStatsQueries(accountId, sinceMs, bucketMs, POSTGRES_FLAVOR);
    const all = async <Row extends pg.QueryResultRow>(query: SqlQuery) =>
      (await this.#pool.query<Row>(query.sql, [...query.values])).rows;
    const [deliveries, attempts, depth] = await Promise.all([
      all<DeliveryStatsRows['deliveries'][number]>(q.deliveries),
      all<DeliveryStatsRows['attempts'][number]>(q.attempts),
      all<{ total: string }>(q.queueDepth),
    ]);
    const queueDepth = depth[0]?.total ?? 0;
    return toDeliveryStats(sinceMs, bucketMs, { deliveries, attempts, queueDepth });
  }

  async #rows<Row extends pg.QueryResultRow>(sql: NamedSql, values: unknown[]): Promise<Row[]> {
    return (await this.#pool.query<Row>({ ...sql, values })).rows;
  }

  /** Runs a write and returns how many rows it touched. */
  async #run(sql: NamedSql, values: unknown[]): Promise<number> {
    return (await this.#pool.query({ ...sql, values })).rowCount ?? 0;
  }
}

/** The events as JSON rows (the webhook nested as JSON, cast to jsonb in place), then the deliveries. */
function publishManyParams(inputs: readonly PublishInput[]): [string, string] {
  const events = inputs.map(({ event }) => ({
    account_id: event.accountId,
    id: event.id,
    event_type: event.eventType,
    webhook: event.webhook,
    created_at: event.createdAt,
  }));
  const deliveries = inputs.flatMap(({ event, deliveries: targets }) =>
    targets.map((delivery) => deliveryInsertRow(event, delivery)),
  );
  return [toJsonText(events), toJsonText(deliveries)];
}

function eventKey(accountId: string, id: string): string {
  return `${accountId}\u0000${id}`;
}

function mapOne<R, T>(rows: readonly R[], map: (row: R) => T): T | null {
  const [row] = rows;
  return row === undefined ? null : map(row);
}

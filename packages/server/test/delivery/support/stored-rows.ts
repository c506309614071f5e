import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { generateKeyPair, type KeyPair } from '@switchboard/core';
import { openSqliteStore, type SqliteStore } from '../../../src/storage/sqlite/sqlite-store.js';
import type { DeliveryTarget, JsonObject, PublishInput } from '../../../src/storage/store.js';
import { deliveryTarget } from './delivery-fixture.js';

/**
 * Writes rows into a SQLite file the way another process (or an older Switchboard without the
 * API's depth limit) would have, and damages them afterwards with plain SQL. The store under
 * test, on its own connection, then finds them already stored: nothing it remembered about them.
 */
export class StoredRows {
  readonly #writer: SqliteStore;
  readonly #sql: Database.Database;

  private constructor(writer: SqliteStore, sql: Database.Database) {
    this.#writer = writer;
    this.#sql = sql;
  }

  static async open(filename: string): Promise<StoredRows> {
    const writer = await openSqliteStore({ filename });
    return new StoredRows(writer, new Database(filename));
  }

  /** A new account with its own signing key. */
  async account(): Promise<{ accountId: string; keys: KeyPair }> {
    const keys = generateKeyPair();
    const accountId = randomUUID();
    const now = Date.now();
    await this.#writer.createAccount(
      { id: accountId, name: 'stored', apiKeyHash: randomUUID(), settings: {}, createdAt: now },
      { id: randomUUID(), accountId, ...keys, createdAt: now, retiresAt: null },
    );
    return { accountId, keys };
  }

  /** Publishes one event with one delivery to `url`, due now; returns both ids. */
  async publish(
    accountId: string,
    url: string,
    target: Partial<DeliveryTarget> = {},
  ): Promise<{ eventId: string; deliveryId: string }> {
    const { input, ids } = publishInput(accountId, url, target);
    await this.#writer.publish(input);
    return ids;
  }

  /** Replaces the event's payload with `{"a":{"a":…}}`, `levels` deep, written as text. */
  nestPayload(eventId: string, levels: number): void {
    const payload = `${'{"a":'.repeat(levels - 1)}{}${'}'.repeat(levels - 1)}`;
    const webhook = `{"record_type":"event","event_type":"call.initiated","id":"${eventId}","occurred_at":"2026-01-01T00:00:00.000Z","payload":${payload}}`;
    this.#sql.prepare('UPDATE events SET webhook = ? WHERE id = ?').run(webhook, eventId);
  }

  /** Stores text that is not JSON at all in one of the delivery's JSON columns. */
  corrupt(
    column: 'webhook' | 'options' | 'retry_schedule',
    ids: { eventId: string; deliveryId: string },
  ): void {
    const broken = '{"record_type":"event","payl';
    if (column === 'webhook') {
      this.#sql.prepare('UPDATE events SET webhook = ? WHERE id = ?').run(broken, ids.eventId);
    } else {
      this.#sql
        .prepare(`UPDATE deliveries SET ${column} = ? WHERE id = ?`)
        .run(broken, ids.deliveryId);
    }
  }

  /** Makes the account's signing key unusable (not base64 of 32 bytes). */
  breakSigningKey(accountId: string): void {
    this.#sql
      .prepare('UPDATE signing_keys SET private_key = ? WHERE account_id = ?')
      .run('not a key', accountId);
  }

  /** True once a worker has claimed the delivery (leased it) or recorded a try of it. */
  claimed(deliveryId: string): boolean {
    const row = this.#sql
      .prepare('SELECT lease_owner, attempts FROM deliveries WHERE id = ?')
      .get(deliveryId) as { lease_owner: string | null; attempts: number } | undefined;
    return row !== undefined && (row.lease_owner !== null || row.attempts > 0);
  }

  async close(): Promise<void> {
    this.#sql.close();
    await this.#writer.close();
  }
}

/** One event with one delivery to `url`, due now, with `payload` (a small one by default). */
export function publishInput(
  accountId: string,
  url: string,
  target: Partial<DeliveryTarget> = {},
  payload: JsonObject = { call_control_id: 'v3:stored', to: '+15550100' },
): { input: PublishInput; ids: { eventId: string; deliveryId: string } } {
  const eventId = randomUUID();
  const deliveryId = randomUUID();
  const now = Date.now();
  const webhook: JsonObject = {
    record_type: 'event',
    event_type: 'call.initiated',
    id: eventId,
    occurred_at: new Date(now).toISOString(),
    payload,
  };
  const input: PublishInput = {
    event: { id: eventId, accountId, eventType: 'call.initiated', webhook, createdAt: now },
    deliveries: [
      {
        id: deliveryId,
        target: deliveryTarget(url, target),
        origin: new URL(url).origin,
        nextAttemptAt: now,
      },
    ],
  };
  return { input, ids: { eventId, deliveryId } };
}

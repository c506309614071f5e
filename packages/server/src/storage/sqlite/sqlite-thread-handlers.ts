import { collectGarbage } from '../../support/collect-garbage.js';
import type { SqliteStore } from './sqlite-store.js';
import type { OperationTable } from './sqlite-thread-operations.js';

/**
 * How the database thread runs each operation of `SqliteThreadOperations` on its store: a
 * table the compiler checks entry by entry (every operation, its arguments, its result).
 */
export const SQLITE_THREAD_HANDLERS: OperationTable<SqliteStore> = {
  migrate: (store) => store.migrate(),
  close: (store) => store.close(),
  releaseMemory: async (store) => {
    await store.releaseMemory();
    // This thread has a heap of its own, which only a collection run here can shrink.
    await collectGarbage();
  },
  resumeCommitCheckpoints: (store) => store.resumeCommitCheckpoints(),

  createAccount: (store, account, key) => store.createAccount(account, key),
  getAccount: (store, id) => store.getAccount(id),
  findAccountByKeyHash: (store, apiKeyHash) => store.findAccountByKeyHash(apiKeyHash),
  updateAccountSettings: (store, id, settings) => store.updateAccountSettings(id, settings),
  listAccounts: (store) => store.listAccounts(),
  listSigningKeys: (store, accountId, now) => store.listSigningKeys(accountId, now),
  rotateSigningKey: (store, key, retireAt) => store.rotateSigningKey(key, retireAt),

  putResource: (store, resource) => store.putResource(resource),
  getResource: (store, accountId, kind, id) => store.getResource(accountId, kind, id),
  listResources: (store, accountId, kind) => store.listResources(accountId, kind),
  deleteResource: (store, accountId, kind, id) => store.deleteResource(accountId, kind, id),

  publish: (store, input) => store.publishReporting(input),
  publishBatch: (store, inputs) => store.publishBatchReporting(inputs),

  claimColumns: (store, input) => store.claimColumns(input),
  getDeliveriesById: (store, ids) => store.getDeliveriesById(ids),
  complete: (store, input) => store.complete(input),
  completeMany: (store, inputs) => store.completeMany(inputs),
  releaseLeases: (store, owner, now) => store.releaseLeases(owner, now),
  nextDueAt: (store) => store.nextDueAt(),

  getEvent: (store, accountId, id) => store.getEvent(accountId, id),
  getDelivery: (store, accountId, id) => store.getDelivery(accountId, id),
  listAttempts: (store, deliveryId) => store.listAttempts(deliveryId),
  listDeliveries: (store, accountId, filter, page) => store.listDeliveries(accountId, filter, page),
  requeue: (store, accountId, id, now) => store.requeue(accountId, id, now),
  countQueued: (store) => store.countQueued(),
  deliveryStats: (store, accountId, sinceMs, bucketMs) =>
    store.deliveryStats(accountId, sinceMs, bucketMs),

  pruneFinished: (store, before, limit) => store.pruneFinished(before, limit),

  findInboxByToken: (store, token) => store.inboxes.findInboxByToken(token),
  insertCapture: (store, capture) => store.inboxes.insertCapture(capture),
  getCapture: (store, accountId, id) => store.inboxes.getCapture(accountId, id),
  listCaptures: (store, accountId, filter, page) =>
    store.inboxes.listCaptures(accountId, filter, page),
  capturesAfter: (store, accountId, after, limit, filter) =>
    store.inboxes.capturesAfter(accountId, after, limit, filter),
  lastCaptureSequence: (store, accountId) => store.inboxes.lastCaptureSequence(accountId),
  addForwardAttempt: (store, accountId, captureId, attempt) =>
    store.inboxes.addForwardAttempt(accountId, captureId, attempt),
};

import { decoderOf } from '@switchboard/core/contract';
import Type, { type Static } from 'typebox';
import type { Resource } from '../../storage/store.js';

export const QUEUE_KIND = 'queue';

/** A queue as stored: its settings and the wait statistics behind `average_wait_time_secs`. */
export const QueueRecord = Type.Object({
  id: Type.String(),
  name: Type.String(),
  maxSize: Type.Number(),
  createdAt: Type.Number(),
  updatedAt: Type.Number(),
  /** Calls that have left the queue, and their summed wait. */
  served: Type.Number(),
  waitedSecs: Type.Number(),
  /** Calls whose `keep_after_hangup` was set through the queue API. */
  keepAfterHangup: Type.Array(Type.String()),
});

export type QueueRecord = Static<typeof QueueRecord>;

/** Reads a stored queue. */
export const decodeQueue = decoderOf(QUEUE_KIND, QueueRecord);

export function queueResource(accountId: string, queue: QueueRecord): Resource {
  return {
    accountId,
    kind: QUEUE_KIND,
    id: queue.name,
    data: queue,
    createdAt: queue.createdAt,
    updatedAt: queue.updatedAt,
  };
}

export function averageWaitSecs(queue: QueueRecord): number {
  return queue.served === 0 ? 0 : Math.round(queue.waitedSecs / queue.served);
}

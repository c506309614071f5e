import type { JsonObject, Resource } from '../../storage/store.js';

export const QUEUE_KIND = 'queue';

/** A queue as stored: its settings and the wait statistics behind `average_wait_time_secs`. */
export interface QueueRecord {
  readonly id: string;
  readonly name: string;
  readonly maxSize: number;
  readonly createdAt: number;
  readonly updatedAt: number;
  /** Calls that have left the queue, and their summed wait. */
  readonly served: number;
  readonly waitedSecs: number;
  /** Calls whose `keep_after_hangup` was set through the queue API. */
  readonly keepAfterHangup: readonly string[];
}

export function queueResource(accountId: string, queue: QueueRecord): Resource {
  return {
    accountId,
    kind: QUEUE_KIND,
    id: queue.name,
    data: queue as unknown as JsonObject,
    createdAt: queue.createdAt,
    updatedAt: queue.updatedAt,
  };
}

export function averageWaitSecs(queue: QueueRecord): number {
  return queue.served === 0 ? 0 : Math.round(queue.waitedSecs / queue.served);
}

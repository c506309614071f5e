import type { DeliveryHandoff } from '../delivery/delivery-worker.js';
import type { NewDelivery } from '../../storage/delivery-records.js';
import type { EventPublisher, PublishInput, PublishResult } from '../../storage/event-publisher.js';
import { readsBackAsIs } from '../../storage/sql/json-text.js';
import { freshDelivery } from '../../storage/unclaimed-deliveries.js';

/**
 * The publish with a lease from the worker on each delivery due when its event was created, as
 * far as the worker has room. An event whose JSON would not read back as it is (see
 * `readsBackAsIs`) is left to a claim, so that its first try sends the same bytes as its retries.
 */
function withLeases(handoff: DeliveryHandoff | undefined, write: PublishInput): PublishInput {
  if (handoff === undefined || !readsBackAsIs(write.event.webhook)) return write;
  const deliveries = write.deliveries.map((delivery): NewDelivery => {
    if (delivery.nextAttemptAt > write.event.createdAt) return delivery;
    if (delivery.options !== undefined && !readsBackAsIs(delivery.options)) return delivery;
    const lease = handoff.lease(delivery.origin);
    return lease === null ? delivery : { ...delivery, lease };
  });
  return { event: write.event, deliveries };
}

/**
 * Settles the leases of a publish: the worker takes the deliveries that were written, and gets
 * back the leases of the ones that were not (a duplicate event, or a failed write).
 */
function settleLeases(
  handoff: DeliveryHandoff | undefined,
  write: PublishInput,
  written: boolean,
): void {
  if (handoff === undefined) return;
  for (const delivery of write.deliveries) {
    if (delivery.lease === undefined) continue;
    if (written) handoff.adopt(freshDelivery(write.event, delivery));
    else handoff.forgo(delivery.origin);
  }
}

/** Whether a written publish left a delivery for a claim, so the worker should look. */
function leftToClaim(write: PublishInput): boolean {
  return write.deliveries.some((delivery) => delivery.lease === undefined);
}

/** What publishing needs of the delivery worker: a nudge, and the handoff when it is in-process. */
export interface PublishWorker {
  wake(): void;
  readonly handoff?: DeliveryHandoff | undefined;
}

/**
 * Writes one publish with the worker's leases, settles them, and wakes the worker when a
 * delivery was left to a claim. The store's answer, or its failure, comes back as it was.
 */
export async function publishHandedOver(
  store: EventPublisher,
  worker: PublishWorker,
  write: PublishInput,
): Promise<PublishResult> {
  const leased = withLeases(worker.handoff, write);
  let created = false;
  try {
    const result = await store.publish(leased);
    created = result.created;
    return result;
  } finally {
    settleLeases(worker.handoff, leased, created);
    if (created && leftToClaim(leased)) worker.wake();
  }
}

/**
 * {@link publishHandedOver} for a batch written as one (`publishBatch`): answers whether each
 * publish created its event, in the order given.
 */
export async function publishBatchHandedOver(
  store: EventPublisher,
  worker: PublishWorker,
  writes: readonly PublishInput[],
): Promise<readonly boolean[]> {
  const leased = writes.map((write) => withLeases(worker.handoff, write));
  let created: readonly boolean[] = [];
  try {
    created = await store.publishBatch(leased);
    return created;
  } finally {
    leased.forEach((write, index) => {
      settleLeases(worker.handoff, write, created[index] === true);
    });
    if (leased.some((write, index) => created[index] === true && leftToClaim(write))) worker.wake();
  }
}

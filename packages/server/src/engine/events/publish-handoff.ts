import type { DeliveryHandoff } from '../delivery/delivery-worker.js';
import type { NewDelivery } from '../../storage/delivery-records.js';
import type { EventPublisher, PublishInput, PublishResult } from '../../storage/event-publisher.js';
import { readsBackAsIs } from '../../storage/sql/json-text.js';
import { freshDelivery } from '../../storage/unclaimed-deliveries.js';

/**
 * The publish with a lease from the worker on each delivery due by `now`, as far as the worker
 * has room. An event whose JSON would not read back as it is (see `readsBackAsIs`) is left to
 * a claim, so that its first try sends the same bytes as its retries.
 */
export function withLeases(
  handoff: DeliveryHandoff | undefined,
  now: number,
  write: PublishInput,
): PublishInput {
  if (handoff === undefined || !readsBackAsIs(write.event.webhook)) return write;
  const deliveries = write.deliveries.map((delivery): NewDelivery => {
    if (delivery.nextAttemptAt > now) return delivery;
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
export function settleLeases(
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
export function leftToClaim(write: PublishInput): boolean {
  return write.deliveries.some((delivery) => delivery.lease === undefined);
}

/** What one publish needs of the worker: its handoff when it runs here, and a nudge. */
export interface PublishWorkerPorts {
  readonly handoff?: DeliveryHandoff | undefined;
  readonly wake: () => void;
}

/**
 * Writes one publish with the worker's leases, settles them, and wakes the worker when a
 * delivery was left to a claim. The store's answer, or its failure, comes back as it was.
 */
export async function publishHandedOver(
  store: EventPublisher,
  ports: PublishWorkerPorts,
  write: PublishInput,
): Promise<PublishResult> {
  const leased = withLeases(ports.handoff, write.event.createdAt, write);
  let created = false;
  try {
    const result = await store.publish(leased);
    created = result.created;
    return result;
  } finally {
    settleLeases(ports.handoff, leased, created);
    if (created && leftToClaim(leased)) ports.wake();
  }
}

import type { Delivery } from '../../storage/delivery-records.js';

/** A claimed delivery waiting for a slot, with the end of its lease. */
export interface ReadyDelivery {
  readonly delivery: Delivery;
  readonly leaseExpiresAt: number;
}

/**
 * Deliveries claimed ahead of free slots (the worker's prefetch), oldest claim first. Claiming
 * ahead keeps the HTTP slots busy while the next claim is on its way to the store, which matters
 * once the store answers from another thread or another machine.
 */
export class ReadyDeliveries {
  #items: ReadyDelivery[] = [];

  get size(): number {
    return this.#items.length;
  }

  add(items: readonly ReadyDelivery[]): void {
    this.#items.push(...items);
  }

  /**
   * Removes and returns, in order, up to `max` deliveries that `admit` takes. `admit` runs once
   * per delivery, in order, and counts the slot of each one it takes, so later ones see it used.
   */
  take(max: number, admit: (item: ReadyDelivery) => boolean): ReadyDelivery[] {
    const taken: ReadyDelivery[] = [];
    const kept: ReadyDelivery[] = [];
    for (const item of this.#items) {
      if (taken.length < max && admit(item)) taken.push(item);
      else kept.push(item);
    }
    if (taken.length > 0) this.#items = kept;
    return taken;
  }

  /** Empties the queue; the caller gives the leases back. */
  clear(): ReadyDelivery[] {
    const items = this.#items;
    this.#items = [];
    return items;
  }
}

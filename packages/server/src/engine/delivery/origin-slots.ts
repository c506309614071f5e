import type { OriginRoom } from '../../storage/delivery-queue.js';

/** What the next claim may take without pushing any origin over its bound. */
export interface ClaimPlan {
  readonly limit: number;
  /** Origins too busy for this claim; the store skips their deliveries. */
  readonly excludeOrigins: readonly string[];
  /** How many each origin may still take: the free places of busy ones, a full bound for others. */
  readonly originRoom: OriginRoom;
}

/**
 * Counts tries in flight per origin (scheme://host:port), so that one slow or dead endpoint
 * holds at most `perOrigin` of the worker's slots and never blocks the rest.
 */
export class OriginSlots {
  readonly #perOrigin: number;
  readonly #inFlight = new Map<string, number>();

  constructor(perOrigin: number) {
    this.#perOrigin = perOrigin;
  }

  acquire(origin: string): void {
    this.#inFlight.set(origin, (this.#inFlight.get(origin) ?? 0) + 1);
  }

  release(origin: string): void {
    const count = (this.#inFlight.get(origin) ?? 0) - 1;
    if (count > 0) this.#inFlight.set(origin, count);
    else this.#inFlight.delete(origin);
  }

  inFlight(origin: string): number {
    return this.#inFlight.get(origin) ?? 0;
  }

  /**
   * The claim takes at most the free places of each origin (the store bounds it per origin), up
   * to the global room. Origins with fewer than `minBatch` free places are excluded instead, so a
   * nearly full origin is not claimed one row at a time.
   */
  plan(globalFree: number, maxBatch: number): ClaimPlan {
    const minBatch = Math.max(1, Math.min(globalFree, Math.ceil(this.#perOrigin / 4)));
    const listed: Record<string, number> = {};
    const excludeOrigins: string[] = [];
    for (const [origin, count] of this.#inFlight) {
      const free = this.#perOrigin - count;
      if (free < minBatch) excludeOrigins.push(origin);
      else listed[origin] = free;
    }
    return {
      limit: Math.min(globalFree, maxBatch),
      excludeOrigins,
      originRoom: { listed, others: this.#perOrigin },
    };
  }
}

/**
 * Whether a claim may have left due deliveries in the store: it took all it asked for, or it
 * took all of some origin's room. Either way the store was not shown to be dry, so the next
 * freed slot should claim again.
 */
export function claimMayHaveLeftSome(
  plan: ClaimPlan,
  claimed: readonly { readonly origin: string }[],
): boolean {
  if (claimed.length >= plan.limit) return true;
  const taken = new Map<string, number>();
  for (const { origin } of claimed) taken.set(origin, (taken.get(origin) ?? 0) + 1);
  const { listed, others } = plan.originRoom;
  for (const [origin, count] of taken) {
    if (count >= (Object.hasOwn(listed, origin) ? (listed[origin] ?? 0) : others)) return true;
  }
  return false;
}

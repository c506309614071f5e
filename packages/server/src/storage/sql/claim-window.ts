import type { ClaimInput } from '../delivery-queue.js';

/** The per-origin part of a claim, as both dialects' claim statements take it. */
export interface ClaimWindow {
  /** How many of the oldest due deliveries the claim looks at. */
  readonly scan: number;
  /** JSON object of origin → room within this claim. */
  readonly originRoom: string;
  /** Room of any origin not listed. */
  readonly otherRoom: number;
}

/**
 * Without `originRoom` the claim is a plain "oldest `limit` due" one. With it, a few times
 * `limit` rows are looked at, so that an origin with a long backlog and little room cannot make
 * a claim scan it all.
 */
export function claimWindow(input: ClaimInput): ClaimWindow {
  const room = input.originRoom;
  if (room === undefined) return { scan: input.limit, originRoom: '{}', otherRoom: input.limit };
  return {
    scan: Math.min(Math.max(input.limit * 4, 64), 1024),
    originRoom: JSON.stringify(room.listed),
    otherRoom: room.others,
  };
}

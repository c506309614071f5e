import { occurredAtMicros } from './occurred-at.js';

/** When something happened to a call, and which event said so. */
export interface CallMark {
  readonly occurredAt: string;
  readonly eventId: string;
}

/**
 * A total order on marks: by occurred_at, then by event id. The id tie-break is what makes
 * the reducer reach the same state for events sharing a timestamp, whatever their arrival order.
 */
export function compareMarks(a: CallMark, b: CallMark): number {
  const byTime = occurredAtMicros(a.occurredAt) - occurredAtMicros(b.occurredAt);
  if (byTime !== 0) return byTime;
  return a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0;
}

/** The earlier of two marks; `undefined` counts as absent. */
export function earlier<M extends CallMark>(a: M | undefined, b: M): M {
  return a === undefined || compareMarks(b, a) < 0 ? b : a;
}

/** The later of two marks; `undefined` counts as absent. */
export function later<M extends CallMark>(a: M | undefined, b: M): M {
  return a === undefined || compareMarks(b, a) > 0 ? b : a;
}

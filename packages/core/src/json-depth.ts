/**
 * The deepest nesting of objects and arrays that Switchboard serialises, signs or reads back
 * from storage. `JSON.stringify` and the structured clone between threads recurse natively and
 * overflow the stack somewhere past 2,000 levels (sooner on a busy stack), so a deeper value is
 * refused with {@link JsonTooDeepError} instead of a `RangeError`. Telnyx payloads nest fewer
 * than 10 levels, and the API accepts at most 64.
 */
export const MAX_JSON_DEPTH = 1_000;

/** A JSON value nests objects and arrays deeper than {@link MAX_JSON_DEPTH} (or a given limit). */
export class JsonTooDeepError extends Error {
  readonly code = 'SB_JSON_TOO_DEEP';
  readonly limit: number;

  constructor(limit: number = MAX_JSON_DEPTH, what = 'JSON') {
    super(`${what} nests deeper than ${limit} levels`);
    this.name = 'JsonTooDeepError';
    this.limit = limit;
  }
}

/**
 * True when `value` nests objects and arrays more than `limit` levels (`{}` is one level, a
 * scalar none). Walks with a stack of its own, so any depth is safe to measure, and stops at the
 * first path past the limit. A cyclic value counts as too deep.
 */
export function jsonDepthExceeds(value: unknown, limit: number): boolean {
  const containers: object[] = isContainer(value) ? [value] : [];
  const depths: number[] = [1];
  for (let container = containers.pop(); container !== undefined; container = containers.pop()) {
    const depth = depths.pop() ?? 1;
    if (depth > limit) return true;
    for (const child of Array.isArray(container) ? container : Object.values(container)) {
      if (!isContainer(child)) continue;
      containers.push(child);
      depths.push(depth + 1);
    }
  }
  return false;
}

/** An object or array: what adds a level of nesting. */
export function isContainer(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}

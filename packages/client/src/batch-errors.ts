import type { ApiErrorItem } from './publish-types.js';

/**
 * The errors of a refused batch that concern its event at `index`, with their pointers made
 * relative to that event: `/data/7/event_type` becomes `/event_type` for event 7.
 */
export function errorsOfEvent(errors: readonly ApiErrorItem[], index: number): ApiErrorItem[] {
  const prefix = `/data/${index}`;
  return errors.flatMap((item) => {
    const pointer = item.source?.pointer;
    if (pointer === undefined) return [];
    if (pointer !== prefix && !pointer.startsWith(`${prefix}/`)) return [];
    const own = pointer.slice(prefix.length) || '/';
    return [{ ...item, source: { ...item.source, pointer: own } }];
  });
}

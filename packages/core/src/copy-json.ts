import { isContainer, JsonTooDeepError, MAX_JSON_DEPTH } from './json-depth.js';

export interface CopyJsonOptions {
  /** Gives every object of the copy its keys in sorted order (`Array#sort` order). */
  readonly sortKeys?: boolean;
  /** Applied to every string of the copy, keys included. */
  readonly mapString?: (text: string) => string;
}

/** One value still to copy, and where its copy goes. */
interface Slot {
  readonly source: unknown;
  readonly parent: Record<string | number, unknown> | unknown[];
  readonly key: string | number;
  /** Objects and arrays enclosing `source`. */
  readonly depth: number;
}

/**
 * A deep copy of a JSON value, made with a stack of its own instead of recursion, so that a
 * deep value cannot overflow the call stack; past {@link MAX_JSON_DEPTH} levels it throws
 * {@link JsonTooDeepError}. The copy's objects have no prototype, so a `__proto__` key from
 * parsed JSON stays an ordinary key. Values JSON cannot hold are copied as they are, for
 * `JSON.stringify` to treat as it always does.
 */
export function copyJson(value: unknown, options: CopyJsonOptions = {}): unknown {
  const root: Record<string, unknown> = {};
  const slots: Slot[] = [{ source: value, parent: root, key: 'value', depth: 0 }];
  for (let slot = slots.pop(); slot !== undefined; slot = slots.pop()) {
    (slot.parent as Record<string | number, unknown>)[slot.key] = copyOne(slot, slots, options);
  }
  return root['value'];
}

/** Copies one level: a scalar whole, a container as an empty shell whose items join `slots`. */
function copyOne(slot: Slot, slots: Slot[], options: CopyJsonOptions): unknown {
  const { source, depth } = slot;
  if (typeof source === 'string') return options.mapString?.(source) ?? source;
  if (!isContainer(source)) return source;
  if (depth >= MAX_JSON_DEPTH) throw new JsonTooDeepError();
  if (Array.isArray(source)) {
    const copy = new Array<unknown>(source.length);
    source.forEach((item, index) => {
      slots.push({ source: item, parent: copy, key: index, depth: depth + 1 });
    });
    return copy;
  }
  const record = source as Record<string, unknown>;
  const copy = Object.create(null) as Record<string, unknown>;
  const keys = Object.keys(record);
  if (options.sortKeys === true) keys.sort();
  for (const key of keys) {
    const name = options.mapString?.(key) ?? key;
    // Placed now, so the keys keep this order; the value is filled in when its slot comes up.
    copy[name] = undefined;
    slots.push({ source: record[key], parent: copy, key: name, depth: depth + 1 });
  }
  return copy;
}

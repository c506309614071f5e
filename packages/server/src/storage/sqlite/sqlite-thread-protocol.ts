import { deserialize, serialize } from 'node:v8';
import type { ArgsOf, OperationName } from './sqlite-thread-operations.js';

declare const holds: unique symbol;

/**
 * A `T` as it crosses between the threads (see {@link pack}): the value itself, which the message's
 * structured clone copies, or, for a deep one, bytes of its own. The type travels with it, so
 * that the end reading it gets back the type the other end wrote; nothing else is checked.
 */
export type Packed<T> =
  | { readonly value: T; readonly bytes?: undefined }
  | { readonly bytes: Uint8Array & { readonly [holds]?: T } };

/**
 * A call as the caller sends it: `args` are `op`'s arguments, which `SqliteThreadClient.call`
 * pairs by its signature. The host reads the same message as a {@link ThreadCall}.
 */
export interface SentCall {
  readonly id: number;
  readonly op: OperationName;
  readonly args: Packed<unknown>;
}

/**
 * A {@link SentCall} as the host reads it: a union with a member per operation of
 * `SqliteThreadOperations`, told apart by `op`, each carrying that operation's arguments.
 */
export type ThreadCall<K extends OperationName = OperationName> = {
  readonly [P in K]: SentCall & { readonly op: P; readonly args: Packed<ArgsOf<P>> };
}[K];

/** An error as it crosses the thread boundary: its class is lost, its name, code and text are not. */
export interface ThreadError {
  readonly name: string;
  readonly message: string;
  readonly code: string | undefined;
  readonly stack: string | undefined;
}

/**
 * A call's result, packed on its own, or its error. The caller knows which operation the
 * call `id` was, and so what `value` holds.
 */
export type ThreadReply =
  | { readonly id: number; readonly ok: true; readonly value: Packed<unknown> }
  | { readonly id: number; readonly ok: false; readonly error: ThreadError };

/**
 * What the thread sends when a message from its caller could not be read there (see
 * {@link PLAIN_DEPTH}): it cannot tell which calls the message held.
 */
export interface ThreadLost {
  readonly lost: ThreadError;
}

/** The thread's first message: the store is open and migrated, or could not be. */
export type ThreadReady =
  { readonly ready: true } | { readonly ready: false; readonly error: ThreadError };

export function toThreadError(error: unknown): ThreadError {
  if (!(error instanceof Error)) {
    return { name: 'Error', message: String(error), code: undefined, stack: undefined };
  }
  const code: unknown = Reflect.get(error, 'code');
  return {
    name: error.name,
    message: error.message,
    code: typeof code === 'string' ? code : undefined,
    stack: error.stack,
  };
}

/** An Error carrying the thread's name, code and stack, thrown where the call was made. */
export function fromThreadError(error: ThreadError): Error {
  const rebuilt = new Error(error.message);
  rebuilt.name = error.name;
  if (error.code !== undefined) Object.assign(rebuilt, { code: error.code });
  if (error.stack !== undefined) rebuilt.stack = error.stack;
  return rebuilt;
}

/**
 * How deep a value may nest and still cross as itself. A message is cloned whole, recursing
 * natively; one the receiving thread cannot read back (nested deeper than its stack allows) is
 * dropped whole there, with every call in it. Telnyx payloads nest fewer than 10 levels and the
 * API takes 64; the store keeps up to `MAX_JSON_DEPTH`, and those deeper values cross as bytes.
 */
export const PLAIN_DEPTH = 64;

/**
 * Packs one call's arguments or one reply's value for its message. A value within
 * {@link PLAIN_DEPTH} levels goes as itself, cloned with the rest of the message: no serializer
 * per value, which the collector would otherwise find on every young collection. A deeper one is
 * serialized on its own here (throwing if it cannot be), so that reading it back can fail that
 * value's call alone. Pack on a shallow stack (a fresh turn), where the recursion has most room.
 */
export function pack<T>(value: T): Packed<T> {
  return nestsDeeperThan(value, PLAIN_DEPTH) ? { bytes: serialize(value) } : { value };
}

/**
 * Reads back what {@link pack} made; throws (a `RangeError`, say) when its bytes cannot be read.
 * The one step of the protocol the compiler takes on trust: each end is typed by
 * `SqliteThreadOperations`, the host packing what the operation returned, the caller its
 * arguments.
 */
export function unpack<T>(packed: Packed<T>): T {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-return -- see above
  return packed.bytes === undefined ? packed.value : deserialize(packed.bytes);
}

/**
 * Posts `items` as one message. If the message cannot be cloned (a value holding a function,
 * say), posts each item on its own and hands the ones that still cannot go to `unsent`, so that
 * one bad value fails its own call, not its whole batch.
 */
export function postBatch<T>(
  post: (batch: readonly T[]) => void,
  items: readonly T[],
  unsent: (item: T, error: unknown) => void,
): void {
  try {
    post(items);
  } catch {
    for (const item of items) {
      try {
        post([item]);
      } catch (error) {
        unsent(item, error);
      }
    }
  }
}

/**
 * Whether `value` nests arrays and objects more than `limit` levels; byte arrays are leaves.
 * Walks with a stack of its own, stopping at the first path past the limit (a cycle is one).
 */
function nestsDeeperThan(value: unknown, limit: number): boolean {
  const containers: object[] = [];
  const depths: number[] = [];
  const visit = (child: unknown, depth: number): void => {
    if (typeof child !== 'object' || child === null || ArrayBuffer.isView(child)) return;
    containers.push(child);
    depths.push(depth);
  };
  visit(value, 1);
  for (let container = containers.pop(); container !== undefined; container = containers.pop()) {
    const depth = depths.pop() ?? 1;
    if (depth > limit) return true;
    // Indexed and keyed in place: this runs on every call, and `Object.values` would copy.
    if (Array.isArray(container)) for (const child of container) visit(child, depth + 1);
    else for (const key in container) visit(Reflect.get(container, key), depth + 1);
  }
  return false;
}

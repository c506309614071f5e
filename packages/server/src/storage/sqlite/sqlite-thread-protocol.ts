import { deserialize, serialize } from 'node:v8';
import type { ArgsOf, OperationName } from './sqlite-thread-operations.js';

declare const holds: unique symbol;

/**
 * The bytes {@link encode} wrote for a `T`. The type travels with the bytes, so that the end
 * reading them gets back the type the other end wrote; nothing else about them is checked.
 */
export type Encoded<T> = Uint8Array & { readonly [holds]?: T };

/**
 * A call as the caller sends it: `args` encode `op`'s arguments, which `SqliteThreadClient.call`
 * pairs by its signature. The host reads the same message as a {@link ThreadCall}.
 */
export interface SentCall {
  readonly id: number;
  readonly op: OperationName;
  readonly args: Uint8Array;
}

/**
 * A {@link SentCall} as the host reads it: a union with a member per operation of
 * `SqliteThreadOperations`, told apart by `op`, each carrying that operation's arguments.
 */
export type ThreadCall<K extends OperationName = OperationName> = {
  readonly [P in K]: SentCall & { readonly op: P; readonly args: Encoded<ArgsOf<P>> };
}[K];

/** An error as it crosses the thread boundary: its class is lost, its name, code and text are not. */
export interface ThreadError {
  readonly name: string;
  readonly message: string;
  readonly code: string | undefined;
  readonly stack: string | undefined;
}

/**
 * A call's result, encoded on its own, or its error. The caller knows which operation the
 * call `id` was, and so what `value` holds.
 */
export type ThreadReply =
  | { readonly id: number; readonly ok: true; readonly value: Uint8Array }
  | { readonly id: number; readonly ok: false; readonly error: ThreadError };

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
 * Encodes one call's arguments or one reply's value on its own, with v8's serializer (the
 * structured clone `postMessage` uses). A batch sent as one cloned message is dropped whole when
 * the receiving thread cannot read it back (a `messageerror`: for example a value nested deeper
 * than that thread's stack allows), and every call in it would wait forever. Encoded one by
 * one, a value that cannot be cloned or read fails its own call with an error, and the bytes
 * themselves always cross. Encode on a shallow stack (a fresh turn), where the serializer's
 * recursion has the most room.
 */
export function encode<T>(value: T): Encoded<T> {
  return serialize(value);
}

/**
 * Reads back what {@link encode} wrote; throws (a `RangeError`, say) when it cannot. The one step
 * of the protocol the compiler takes on trust: v8's deserializer answers `any`, and these bytes
 * are taken to hold the `T` their type says. Both ends are typed by `SqliteThreadOperations`: the
 * host encodes what the operation's function returned, the caller what its arguments are.
 */
export function decode<T>(bytes: Encoded<T>): T {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-return -- see above
  return deserialize(bytes);
}

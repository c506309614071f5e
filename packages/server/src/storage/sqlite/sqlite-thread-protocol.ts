import { deserialize, serialize } from 'node:v8';

/**
 * One store call sent to the database thread: `method` names a store method or
 * `inboxes.<method>`; `args` is the argument list, encoded with {@link encodeValue}.
 */
export interface ThreadCall {
  readonly id: number;
  readonly method: string;
  readonly args: Uint8Array;
}

/** An error as it crosses the thread boundary: its class is lost, its name, code and text are not. */
export interface ThreadError {
  readonly name: string;
  readonly message: string;
  readonly code: string | undefined;
  readonly stack: string | undefined;
}

/** A call's result, encoded with {@link encodeValue}, or its error. */
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
  const code = (error as { code?: unknown }).code;
  return {
    name: error.name,
    message: error.message,
    code: typeof code === 'string' ? code : undefined,
    stack: error.stack,
  };
}

/** An Error carrying the thread's name, code and stack, thrown where the call was made. */
export function fromThreadError(error: ThreadError): Error {
  const rebuilt = new Error(error.message) as Error & { code?: string };
  rebuilt.name = error.name;
  if (error.code !== undefined) rebuilt.code = error.code;
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
export function encodeValue(value: unknown): Uint8Array {
  return serialize(value);
}

/** Reads back what {@link encodeValue} wrote; throws (a `RangeError`, say) when it cannot. */
export function decodeValue(bytes: Uint8Array): unknown {
  return deserialize(bytes);
}

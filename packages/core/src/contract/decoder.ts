import type { Static, TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import { registerFormats } from './formats.js';

/** A stored document that does not match its declaration: a fault, not an outcome. */
export class StoredDocumentError extends Error {
  readonly code = 'SB_STORED_DOCUMENT_INVALID';

  constructor(kind: string, problem: string) {
    super(`stored ${kind} does not match its declaration: ${problem}`);
    this.name = 'StoredDocumentError';
  }
}

/** Reads stored JSON of one kind as its declared type, so nothing reads stored JSON through a cast. */
export type Decoder<T> = (value: unknown) => T;

/** The decoder of `schema`: checks the value and returns it typed, or throws {@link StoredDocumentError}. */
export function decoderOf<T extends TSchema>(kind: string, schema: T): Decoder<Static<T>> {
  // Compiled on first use: modules declare their decoders at load, and start-up stays quick.
  let validator: ReturnType<typeof Compile<T>> | null = null;
  return (value) => {
    if (validator === null) {
      registerFormats();
      validator = Compile(schema);
    }
    if (validator.Check(value)) return value;
    const [first] = validator.Errors(value);
    throw new StoredDocumentError(
      kind,
      first ? `${first.instancePath || '/'} ${first.message}` : 'unknown',
    );
  };
}

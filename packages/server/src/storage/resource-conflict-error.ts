/** Unique violations as the drivers report them: SQLite's code and PostgreSQL's SQLSTATE. */
const UNIQUE_VIOLATIONS = new Set(['SQLITE_CONSTRAINT_UNIQUE', '23505']);

const CODE = 'RESOURCE_CONFLICT';

/**
 * `putResource` was refused because another resource, in any account, already holds a value
 * the schema keeps unique: a phone number (`phone_number` resources' `data.phone_number`).
 */
export class ResourceConflictError extends Error {
  readonly code = CODE;

  constructor() {
    super('Another resource already holds a value that must be unique.');
    this.name = 'ResourceConflictError';
  }
}

/** By code, since the class does not survive the SQLite thread boundary. */
export function isResourceConflict(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === CODE;
}

/**
 * A write's unique violation as a {@link ResourceConflictError}; any other error unchanged. A
 * resource's own key is never the cause: `putResource` replaces a resource with the same key.
 */
export function asResourceConflict(error: unknown): unknown {
  const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : null;
  return typeof code === 'string' && UNIQUE_VIOLATIONS.has(code)
    ? new ResourceConflictError()
    : error;
}

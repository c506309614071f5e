import { ApiError } from './api-error.js';

/** What is wrong with the storage: no space left, or the database refuses writes. */
export type StorageFaultKind = 'disk_full' | 'read_only';

const ITEMS = {
  disk_full: {
    status: 507,
    code: '10507',
    title: 'Storage full',
    detail:
      "The server's database has no space left on its disk, so this request was not stored. " +
      'Nothing stored earlier is lost; retry once space has been freed.',
  },
  read_only: {
    status: 503,
    code: '10503',
    title: 'Storage read-only',
    detail:
      "The server's database is read-only, so this request was not stored. Nothing stored " +
      'earlier is lost; retry once the database is writable again.',
  },
} as const;

/**
 * A write the storage refused for want of space (507 / `10507`) or because it is read-only
 * (503 / `10503`). Switchboard's own codes (docs/errors.md); the driver's error is the `cause`.
 */
export class StorageFaultError extends ApiError {
  readonly kind: StorageFaultKind;

  constructor(kind: StorageFaultKind, cause: unknown) {
    const { status, code, title, detail } = ITEMS[kind];
    super(status, [{ code, title, detail }]);
    this.kind = kind;
    this.cause = cause;
  }
}

/** The status and code a fault of `kind` answers with (for /health). */
export function storageFaultCode(kind: StorageFaultKind): string {
  return ITEMS[kind].code;
}

import type { StorageFaultKind } from '../support/errors/storage-fault-error.js';

/** The storage's last refused write, as /health reports it. */
export interface StorageFault {
  readonly kind: StorageFaultKind;
  /** Epoch ms of the first refusal since the last successful write. */
  readonly since: number;
}

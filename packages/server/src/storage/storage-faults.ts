import { StorageFaultError, type StorageFaultKind } from '../support/errors/storage-fault-error.js';
import type { InboxStore } from './inbox-store.js';
import type { StorageFault } from './storage-fault.js';
import type { Store } from './store.js';

export type { StorageFault };

/** A store that remembers whether its storage is refusing writes. */
export interface TrackedStore extends Store {
  /** The fault since the last write that succeeded, or null. */
  storageFault(): StorageFault | null;
}

const DISK_FULL = new Set(['SQLITE_FULL', 'ENOSPC', 'EDQUOT', '53100']);
const READ_ONLY = new Set(['EROFS', '25006']);

/**
 * Names a driver error that means the storage cannot take writes: SQLite's `SQLITE_FULL` and
 * `SQLITE_READONLY` (with its extended codes), the file system's `ENOSPC`, `EDQUOT` and `EROFS`,
 * PostgreSQL's `disk_full` (53100) and `read_only_sql_transaction` (25006). Null for the rest.
 */
export function storageFaultOf(error: unknown): StorageFaultKind | null {
  const code: unknown =
    typeof error === 'object' && error !== null ? Reflect.get(error, 'code') : null;
  if (typeof code !== 'string') return null;
  if (DISK_FULL.has(code)) return 'disk_full';
  if (READ_ONLY.has(code) || code === 'SQLITE_READONLY' || code.startsWith('SQLITE_READONLY_'))
    return 'read_only';
  return null;
}

/**
 * Writes that need new space. Only one of these succeeding proves the storage takes writes again:
 * a claim or a delete can succeed on a full disk.
 */
const GROWING_WRITES: ReadonlySet<string> = new Set<keyof Store | keyof InboxStore>([
  'createAccount',
  'updateAccountSettings',
  'rotateSigningKey',
  'putResource',
  'publish',
  'publishBatch',
  'complete',
  'completeMany',
  'requeue',
  'insertCapture',
  'addForwardAttempt',
]);

/**
 * Wraps `store` so that a storage fault from any call is thrown as a {@link StorageFaultError}
 * (507 or 503 with its own code) and remembered until a write that needs space succeeds.
 * Every method is passed through as it is; `inboxes` is wrapped the same way.
 */
export function trackStorageFaults(
  store: Store,
  now: () => number = Date.now,
  onChange: (fault: StorageFault | null, cause: unknown) => void = () => undefined,
): TrackedStore {
  let fault: StorageFault | null = null;
  const tracker: Tracker = {
    failed(kind, cause) {
      if (fault?.kind === kind) return;
      fault = { kind, since: now() };
      onChange(fault, cause);
    },
    wrote() {
      if (fault === null) return;
      fault = null;
      onChange(null, null);
    },
  };
  const inboxes = tracked(store.inboxes, tracker);
  return tracked(store, tracker, {
    inboxes,
    storageFault: () => fault,
  }) as TrackedStore;
}

interface Tracker {
  failed(kind: StorageFaultKind, cause: unknown): void;
  wrote(): void;
}

/** A proxy over `target` whose method calls report to `tracker`; `extra` adds or replaces members. */
function tracked<T extends object>(
  target: T,
  tracker: Tracker,
  extra: Record<string, unknown> = {},
): T {
  return new Proxy(target, {
    get(inner, name) {
      if (typeof name === 'string' && Object.hasOwn(extra, name)) return extra[name];
      // Read on the target itself, so classes with private fields keep working.
      const value: unknown = Reflect.get(inner, name, inner);
      if (typeof value !== 'function' || typeof name !== 'string') return value;
      return (...args: unknown[]) =>
        watch((): unknown => Reflect.apply(value, inner, args), tracker, name);
    },
  });
}

function watch(call: () => unknown, tracker: Tracker, name: string): unknown {
  const result = call();
  if (!(result instanceof Promise)) return result;
  return result.then(
    (value: unknown) => {
      if (GROWING_WRITES.has(name)) tracker.wrote();
      return value;
    },
    (error: unknown) => {
      const kind = storageFaultOf(error);
      if (kind === null) throw error;
      tracker.failed(kind, error);
      throw new StorageFaultError(kind, error);
    },
  );
}

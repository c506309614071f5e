import type { StorageFault } from './storage-fault.js';

/** The store as a whole: which backend, its schema, its end, and what it can tell about itself. */
export interface StoreLifecycle {
  readonly dialect: 'sqlite' | 'postgres';
  /** Applies pending versioned migrations. Safe to call from several processes at once. */
  migrate(): Promise<void>;
  close(): Promise<void>;
  /**
   * Optional: the storage fault (disk full, read-only) since the last write that succeeded, or
   * null. Stores wrapped by `trackStorageFaults` (as the server opens them) report it; /health
   * shows it.
   */
  storageFault?(): StorageFault | null;
  /**
   * Optional: gives back memory the backend holds only to be fast (SQLite: its page cache and its
   * thread's unused heap). Called when the process has gone quiet; the next calls refill it.
   */
  releaseMemory?(): Promise<void>;
}

import type { IdempotencyStore, ReserveOutcome } from './idempotency-store.js';

export interface MemoryIdempotencyStoreOptions {
  /** The longest any record is kept; caps the `ttlMs` passed to `complete`. Default 24 h. */
  readonly ttlMs?: number;
  /** The clock, in Unix milliseconds. Default `Date.now`. */
  readonly now?: () => number;
}

interface Entry {
  readonly state: 'in_progress' | 'done';
  readonly expiresAt: number;
}

const DEFAULT_TTL_MS = 24 * 60 * 60 * 1000;
// Expired entries are dropped in a sweep every this many reservations, so memory stays bounded
// without a timer that would keep the process alive.
const SWEEP_EVERY = 1024;

/**
 * An in-process store: correct for a single process only, since leases are not shared.
 * Use the Redis or PostgreSQL store when several processes receive the same webhooks.
 */
export function memoryIdempotencyStore(
  options: MemoryIdempotencyStoreOptions = {},
): IdempotencyStore {
  const maxTtlMs = options.ttlMs ?? DEFAULT_TTL_MS;
  const now = options.now ?? Date.now;
  const entries = new Map<string, Entry>();
  let reservations = 0;

  const live = (id: string): Entry | undefined => {
    const entry = entries.get(id);
    return entry !== undefined && entry.expiresAt > now() ? entry : undefined;
  };

  return {
    reserve: (id, leaseMs) => {
      if (++reservations % SWEEP_EVERY === 0) sweep(entries, now());
      const entry = live(id);
      if (entry !== undefined) return Promise.resolve<ReserveOutcome>(entry.state);
      entries.set(id, { state: 'in_progress', expiresAt: now() + leaseMs });
      return Promise.resolve<ReserveOutcome>('reserved');
    },
    complete: (id, ttlMs) => {
      if (entries.get(id)?.state !== 'in_progress') return Promise.resolve(false);
      entries.set(id, { state: 'done', expiresAt: now() + Math.min(ttlMs, maxTtlMs) });
      return Promise.resolve(true);
    },
    release: (id) => {
      if (entries.get(id)?.state !== 'in_progress') return Promise.resolve(false);
      return Promise.resolve(entries.delete(id));
    },
  };
}

function sweep(entries: Map<string, Entry>, now: number): void {
  for (const [id, entry] of entries) if (entry.expiresAt <= now) entries.delete(id);
}

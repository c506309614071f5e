import { randomBytes, randomUUID } from 'node:crypto';
import { DEFAULT_BODY_LIMIT } from '../http/api/app-deps.js';
import type { Store } from '../storage/store.js';
import { InboxRateLimiter } from './inbox-rate-limiter.js';
import { RelayHub, realSchedule, type Schedule } from './relay-hub.js';

/** What the inbox routes need from the server. */
export interface InboxDeps {
  readonly store: Store;
  /** The server's base URL, known only once it listens. */
  readonly baseUrl: () => string;
  /** Epoch ms; default `Date.now`. */
  readonly now?: () => number;
  /** New capture and inbox ids; default `randomUUID`. */
  readonly newId?: () => string;
  /** Random bytes for inbox tokens; default `crypto.randomBytes`. */
  readonly random?: (size: number) => Uint8Array;
  readonly schedule?: Schedule;
  /** Largest captured body; default 1 MiB. */
  readonly bodyLimit?: number;
  /** How often a stream polls the store for captures written by other processes. */
  readonly pollMs?: number;
  /** How often a stream sends an SSE comment so proxies keep the connection open. */
  readonly heartbeatMs?: number;
  /** Told once per stored capture (the `inbox captures` metric). */
  readonly onCaptured?: () => void;
}

/** {@link InboxDeps} with defaults filled in, plus the state shared by every inbox route. */
export interface InboxContext {
  readonly store: Store;
  readonly baseUrl: () => string;
  readonly now: () => number;
  readonly newId: () => string;
  readonly random: (size: number) => Uint8Array;
  readonly schedule: Schedule;
  readonly bodyLimit: number;
  readonly pollMs: number;
  readonly heartbeatMs: number;
  readonly hub: RelayHub;
  readonly limiter: InboxRateLimiter;
  /** Ends every open stream; called before the server closes, since streams never go idle. */
  readonly streams: Set<() => void>;
  readonly onCaptured: () => void;
}

export function inboxContext(deps: InboxDeps): InboxContext {
  const now = deps.now ?? Date.now;
  const schedule = deps.schedule ?? realSchedule;
  return {
    store: deps.store,
    baseUrl: deps.baseUrl,
    now,
    newId: deps.newId ?? randomUUID,
    random: deps.random ?? randomBytes,
    schedule,
    bodyLimit: deps.bodyLimit ?? DEFAULT_BODY_LIMIT,
    pollMs: deps.pollMs ?? 1000,
    heartbeatMs: deps.heartbeatMs ?? 15_000,
    hub: new RelayHub(schedule),
    limiter: new InboxRateLimiter(now),
    streams: new Set(),
    onCaptured: deps.onCaptured ?? (() => undefined),
  };
}

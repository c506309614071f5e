import { newTimeOrderedId } from '../../storage/time-ordered-id.js';
import { pino, type Logger } from 'pino';
import type { Dispatcher } from 'undici';
import type { Store } from '../../storage/store.js';
import type { PublishWorker } from '../../engine/events/publish-handoff.js';
import {
  DEFAULT_REQUEST_TIMEOUT_MS,
  requestLimits,
  type RequestLimits,
} from '../net/request-limits.js';

/** Default request body limit: 1 MiB. */
export const DEFAULT_BODY_LIMIT = 1_048_576;

/** What the HTTP API needs from the rest of the server. */
export interface AppDeps {
  readonly store: Store;
  /**
   * Told when new deliveries are due, so it does not wait for its next poll; takes new ones with
   * their publish when it runs in this process.
   */
  readonly worker: PublishWorker;
  /** Epoch ms; default `Date.now`. */
  readonly now?: () => number;
  /** New UUIDs (event and delivery ids); default time-ordered UUIDv7. */
  readonly newId?: () => string;
  readonly logger?: Logger;
  /** SHA-256 hex of `SWITCHBOARD_ADMIN_TOKEN`; null or absent disables the admin routes. */
  readonly adminTokenHash?: string | null;
  readonly bodyLimit?: number;
  /** How long a client may take to send a whole request; default 30 s. */
  readonly requestTimeoutMs?: number;
  /** For requests the API sends to webhook URLs (replays): the engine's CA and egress rules. */
  readonly webhookDispatcher?: Dispatcher;
}

/** {@link AppDeps} with every default filled in. */
export interface AppContext {
  readonly store: Store;
  readonly worker: PublishWorker;
  readonly now: () => number;
  readonly newId: () => string;
  readonly logger: Logger;
  readonly adminTokenHash: string | null;
  readonly bodyLimit: number;
  readonly requestLimits: RequestLimits;
  readonly webhookDispatcher: Dispatcher | undefined;
}

export function appContext(deps: AppDeps): AppContext {
  const bodyLimit = deps.bodyLimit ?? DEFAULT_BODY_LIMIT;
  return {
    store: deps.store,
    worker: deps.worker,
    now: deps.now ?? Date.now,
    newId: deps.newId ?? newTimeOrderedId,
    logger: deps.logger ?? pino({ level: 'silent' }),
    adminTokenHash: deps.adminTokenHash ?? null,
    bodyLimit,
    requestLimits: requestLimits(bodyLimit, deps.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS),
    webhookDispatcher: deps.webhookDispatcher,
  };
}

import type { ForwardAttempt } from '../storage/inbox-store.js';

/** A connected `listen` stream, as relay mode needs to know it. */
export interface ListenerScope {
  readonly accountId: string;
  /** Null: every inbox of the account. */
  readonly inboxId: string | null;
  /** Null: every event type. */
  readonly eventTypes: readonly string[] | null;
}

/** How a held relay request ends. */
export type RelayOutcome =
  | { readonly kind: 'reported'; readonly attempt: ForwardAttempt }
  | { readonly kind: 'timeout' }
  | { readonly kind: 'closing' };

/** Starts a timer; returns its cancel function. Injected so tests need no real waiting. */
export type Schedule = (run: () => void, ms: number) => () => void;

export const realSchedule: Schedule = (run, ms) => {
  const timer = setTimeout(run, ms);
  return () => {
    clearTimeout(timer);
  };
};

/**
 * The in-process meeting point of captures, streams and held relay requests: streams subscribe
 * to wake-ups per account, relay requests wait here for the listener's final report. Streams on
 * other processes still see every capture by polling the store; only relay needs the listener
 * and the held request on one process.
 */
export class RelayHub {
  readonly #listeners = new Set<ListenerScope>();
  readonly #wakers = new Map<string, Set<() => void>>();
  readonly #pending = new Map<string, (outcome: RelayOutcome) => void>();
  readonly #schedule: Schedule;

  constructor(schedule: Schedule = realSchedule) {
    this.#schedule = schedule;
  }

  /** Registers a listener until the returned function is called. */
  connect(scope: ListenerScope): () => void {
    this.#listeners.add(scope);
    return () => this.#listeners.delete(scope);
  }

  /** True when some connected listener would receive this capture. */
  hasListener(accountId: string, inboxId: string, eventType: string | null): boolean {
    for (const scope of this.#listeners) {
      if (scope.accountId !== accountId) continue;
      if (scope.inboxId !== null && scope.inboxId !== inboxId) continue;
      if (
        scope.eventTypes === null ||
        (eventType !== null && scope.eventTypes.includes(eventType))
      ) {
        return true;
      }
    }
    return false;
  }

  /** Calls `wake` whenever the account gets a capture, until the returned function is called. */
  subscribe(accountId: string, wake: () => void): () => void {
    const set = this.#wakers.get(accountId) ?? new Set();
    set.add(wake);
    this.#wakers.set(accountId, set);
    return () => {
      set.delete(wake);
      if (set.size === 0) this.#wakers.delete(accountId);
    };
  }

  notify(accountId: string): void {
    for (const wake of this.#wakers.get(accountId) ?? []) wake();
  }

  /** Waits for the final report on `captureId`, or times out after `timeoutMs`. */
  awaitReport(captureId: string, timeoutMs: number): Promise<RelayOutcome> {
    return new Promise((resolve) => {
      const cancel = this.#schedule(() => {
        this.#pending.delete(captureId);
        resolve({ kind: 'timeout' });
      }, timeoutMs);
      this.#pending.set(captureId, (outcome) => {
        cancel();
        this.#pending.delete(captureId);
        resolve(outcome);
      });
    });
  }

  /** Lets every held request go, so a closing server is not kept open. */
  releaseAll(): void {
    for (const release of [...this.#pending.values()]) release({ kind: 'closing' });
  }

  /** Hands a listener's report to the held request, if any and if it is the last one. */
  report(captureId: string, attempt: ForwardAttempt): void {
    if (!attempt.final) return;
    this.#pending.get(captureId)?.({ kind: 'reported', attempt });
  }
}

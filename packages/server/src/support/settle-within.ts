/** How a promise given a deadline came out. */
export type Settled<T> =
  | { readonly status: 'fulfilled'; readonly value: T }
  | { readonly status: 'rejected'; readonly reason: unknown }
  | { readonly status: 'timed-out' };

/**
 * Waits for `promise` for at most `ms`. Shutdown uses it for every wait on work that may be
 * stuck (a store call that never answers, a request that never ends), so a stop always ends.
 * The promise itself goes on; only the wait for it ends.
 */
export async function settleWithin<T>(promise: Promise<T>, ms: number): Promise<Settled<T>> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<Settled<T>>((resolve) => {
    timer = setTimeout(
      () => {
        resolve({ status: 'timed-out' });
      },
      Math.max(0, ms),
    );
  });
  const settled = promise.then(
    (value): Settled<T> => ({ status: 'fulfilled', value }),
    (reason: unknown): Settled<T> => ({ status: 'rejected', reason }),
  );
  try {
    return await Promise.race([settled, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}

/** {@link settleWithin} for a stop's steps: false when the time ran out; a rejection is thrown. */
export async function endsWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  const settled = await settleWithin(promise, ms);
  if (settled.status === 'rejected') throw settled.reason;
  return settled.status === 'fulfilled';
}

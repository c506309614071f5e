import type { PublisherSettings } from './publisher-options.js';
import type { ApiErrorItem, PublishedEvent } from './publish-types.js';
import { parseRetryAfter, retryDelayMs } from './retry-delay.js';

/** How one batch ended, after its retries. */
export type BatchOutcome =
  | { readonly kind: 'published'; readonly items: readonly PublishedEvent[] }
  | { readonly kind: 'rejected'; readonly status: number; readonly errors: readonly ApiErrorItem[] }
  | {
      readonly kind: 'failed';
      readonly attempts: number;
      readonly status: number | null;
      readonly cause: unknown;
    };

/** One try: a final answer, or a reason to try again. */
type TryOutcome =
  | Exclude<BatchOutcome, { kind: 'failed' }>
  | {
      readonly kind: 'retry';
      readonly status: number | null;
      readonly retryAfterMs: number | null;
      readonly cause: unknown;
    };

const sleep = (ms: number): Promise<void> =>
  new Promise((resolve) => {
    setTimeout(resolve, ms);
  });

/**
 * Posts one batch (`body`, holding `size` events) until Switchboard answers for it: 429, a 5xx,
 * no connection, a timeout or an unreadable 2xx are tried again, with the same body and so the
 * same event ids (a try that was stored before its reply was lost makes no second delivery).
 * Any other answer is final.
 */
export async function sendBatch(
  settings: PublisherSettings,
  body: string,
  size: number,
): Promise<BatchOutcome> {
  for (let attempts = 1; ; attempts += 1) {
    const outcome = await tryOnce(settings, body, size);
    if (outcome.kind !== 'retry') return outcome;
    if (attempts >= settings.attempts) {
      return { kind: 'failed', attempts, status: outcome.status, cause: outcome.cause };
    }
    await sleep(
      retryDelayMs({
        attempts,
        baseDelayMs: settings.baseDelayMs,
        maxDelayMs: settings.maxDelayMs,
        retryAfterMs: outcome.retryAfterMs,
        random: settings.random,
      }),
    );
  }
}

async function tryOnce(
  settings: PublisherSettings,
  body: string,
  size: number,
): Promise<TryOutcome> {
  let status: number | null = null;
  try {
    const response = await settings.fetch(settings.endpoint, {
      method: 'POST',
      headers: { authorization: settings.authorization, 'content-type': 'application/json' },
      body,
      signal: AbortSignal.timeout(settings.timeoutMs),
    });
    status = response.status;
    const text = await response.text();
    if (response.ok) return publishedOrRetry(text, size, status);
    if (status === 429 || status >= 500) {
      const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), Date.now());
      return { kind: 'retry', status, retryAfterMs, cause: new Error(`HTTP ${status}`) };
    }
    return { kind: 'rejected', status, errors: errorItems(text) };
  } catch (error) {
    // No answer, or one cut off: the batch may or may not be stored, so it is sent again.
    return { kind: 'retry', status, retryAfterMs: null, cause: error };
  }
}

function publishedOrRetry(text: string, size: number, status: number): TryOutcome {
  const items = (JSON.parse(text) as { data?: unknown }).data;
  if (Array.isArray(items) && items.length === size && items.every(isPublished)) {
    return { kind: 'published', items };
  }
  const cause = new Error(`HTTP ${status} without one answer per event`);
  return { kind: 'retry', status, retryAfterMs: null, cause };
}

function isPublished(value: unknown): value is PublishedEvent {
  if (typeof value !== 'object' || value === null) return false;
  const item = value as Record<string, unknown>;
  return typeof item['id'] === 'string' && typeof item['duplicate'] === 'boolean';
}

function errorItems(text: string): readonly ApiErrorItem[] {
  try {
    const errors = (JSON.parse(text) as { errors?: unknown }).errors;
    return Array.isArray(errors) ? (errors as ApiErrorItem[]) : [];
  } catch {
    return text === ''
      ? []
      : [{ code: 'unknown', title: 'Unreadable reply', detail: text.slice(0, 200) }];
  }
}

import { PublisherOptionsError } from './publish-errors.js';

/** How a publisher retries a batch that got 429, a 5xx, or no reply. */
export interface RetryOptions {
  /** Tries in all, the first included; default 6. */
  readonly attempts?: number;
  /** Delay before the second try; it doubles each time, with full jitter; default 100 ms. */
  readonly baseDelayMs?: number;
  /** Longest delay between tries (a `Retry-After` may ask for more); default 5,000 ms. */
  readonly maxDelayMs?: number;
}

export interface PublisherOptions {
  /** The server, e.g. `http://127.0.0.1:7700` (what `switchboard serve` prints). */
  readonly baseUrl: string;
  readonly apiKey: string;
  /** How long the first event of a batch waits for others; default 5 ms. */
  readonly lingerMs?: number;
  /** Most events per request; default 100, at most 1,000 (the server's limit). */
  readonly maxBatchSize?: number;
  /** Most bytes of JSON per request; default 900,000 (the server takes up to 1 MiB). */
  readonly maxBatchBytes?: number;
  /** Most requests in flight at once; events published meanwhile wait and go together. Default 4. */
  readonly maxInFlight?: number;
  /** Per-request timeout; a try that runs out counts as no reply (retried). Default 10,000 ms. */
  readonly timeoutMs?: number;
  readonly retry?: RetryOptions;
  /** Defaults to the global `fetch`. */
  readonly fetch?: typeof fetch;
  /** New event ids; default `crypto.randomUUID`. */
  readonly newId?: () => string;
  /** Uniform in [0, 1), for retry jitter; default `Math.random`. */
  readonly random?: () => number;
}

/** The server's own limit of events per batch. */
export const SERVER_BATCH_LIMIT = 1_000;

/** {@link PublisherOptions} with every default filled in and checked. */
export interface PublisherSettings {
  readonly endpoint: string;
  readonly authorization: string;
  readonly lingerMs: number;
  readonly maxBatchSize: number;
  readonly maxBatchBytes: number;
  readonly maxInFlight: number;
  readonly timeoutMs: number;
  readonly attempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  readonly fetch: typeof fetch;
  readonly newId: () => string;
  readonly random: () => number;
}

export function publisherSettings(options: PublisherOptions): PublisherSettings {
  if (typeof options.apiKey !== 'string' || options.apiKey === '') {
    throw new PublisherOptionsError('apiKey is required');
  }
  const retry = options.retry ?? {};
  return {
    endpoint: `${checkedBaseUrl(options.baseUrl)}/switchboard/events/batch`,
    authorization: `Bearer ${options.apiKey}`,
    lingerMs: bounded('lingerMs', options.lingerMs, 5, 0, 60_000),
    maxBatchSize: bounded('maxBatchSize', options.maxBatchSize, 100, 1, SERVER_BATCH_LIMIT),
    maxBatchBytes: bounded('maxBatchBytes', options.maxBatchBytes, 900_000, 1_024, 1 << 30),
    maxInFlight: bounded('maxInFlight', options.maxInFlight, 4, 1, 1_024),
    timeoutMs: bounded('timeoutMs', options.timeoutMs, 10_000, 1, 600_000),
    attempts: bounded('retry.attempts', retry.attempts, 6, 1, 100),
    baseDelayMs: bounded('retry.baseDelayMs', retry.baseDelayMs, 100, 0, 600_000),
    maxDelayMs: bounded('retry.maxDelayMs', retry.maxDelayMs, 5_000, 0, 600_000),
    fetch: options.fetch ?? globalThis.fetch.bind(globalThis),
    newId: options.newId ?? (() => globalThis.crypto.randomUUID()),
    random: options.random ?? Math.random,
  };
}

function checkedBaseUrl(text: unknown): string {
  if (typeof text === 'string' && URL.canParse(text)) {
    const url = new URL(text);
    if (url.protocol === 'http:' || url.protocol === 'https:') return text.replace(/\/+$/, '');
  }
  throw new PublisherOptionsError(
    `baseUrl must be an http(s) URL such as http://127.0.0.1:7700 (got ${String(text)})`,
  );
}

function bounded(
  name: string,
  value: number | undefined,
  fallback: number,
  min: number,
  max: number,
): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new PublisherOptionsError(`${name} must be a whole number from ${min} to ${max}`);
  }
  return value;
}

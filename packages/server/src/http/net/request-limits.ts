import { maxHeaderSize, type ServerOptions } from 'node:http';

/** How long a client may take to send a whole request unless configured. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

/** Headers are a few hundred bytes: a client that needs longer than this is not sending them. */
const HEADERS_TIMEOUT_CAP_MS = 10_000;

/** Node checks its request timeouts this often at most; it waits 30 s between checks by default. */
const TIMEOUT_CHECK_CAP_MS = 1_000;

/** What one HTTP request may cost the server before it is refused. */
export interface RequestLimits {
  /** Larger bodies get 413. */
  readonly bodyLimitBytes: number;
  /** Headers and body must all have arrived within this, or the answer is 408. */
  readonly requestTimeoutMs: number;
  /** Headers must have arrived within this, or the answer is 408. */
  readonly headersTimeoutMs: number;
  /** Larger request headers get 431 (Node's `--max-http-header-size`, 16 KiB by default). */
  readonly maxHeaderBytes: number;
}

export function requestLimits(bodyLimitBytes: number, requestTimeoutMs: number): RequestLimits {
  return {
    bodyLimitBytes,
    requestTimeoutMs,
    headersTimeoutMs: Math.min(HEADERS_TIMEOUT_CAP_MS, requestTimeoutMs),
    maxHeaderBytes: maxHeaderSize,
  };
}

/** The options of `http.createServer` and `https.createServer` that enforce `limits`. */
export function serverTimeouts(
  limits: RequestLimits,
): Required<
  Pick<ServerOptions, 'requestTimeout' | 'headersTimeout' | 'connectionsCheckingInterval'>
> {
  return {
    requestTimeout: limits.requestTimeoutMs,
    headersTimeout: limits.headersTimeoutMs,
    // A slow client is cut off at most one check after its time is up.
    connectionsCheckingInterval: Math.min(
      TIMEOUT_CHECK_CAP_MS,
      Math.max(10, Math.floor(limits.headersTimeoutMs / 4)),
    ),
  };
}

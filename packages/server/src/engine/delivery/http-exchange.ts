import type { Dispatcher } from 'undici';
import type { ReceivedResponse } from './attempt-outcome.js';
import type { Cancellation } from './cancellation.js';
import { RECORD_LIMIT_BYTES, decodeCapped } from './capped-text.js';

/**
 * Reading stops here: beyond it the socket is dropped rather than drained, so a receiver that
 * streams forever costs neither memory nor time. Below it the body is drained, which keeps the
 * keep-alive connection reusable.
 */
export const DRAIN_LIMIT_BYTES = 64 * 1024;

/** One request as sent on the wire; redirects re-send it to a new URL unchanged. */
export interface ExchangeRequest {
  readonly method: 'POST' | 'GET';
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | null;
}

/**
 * Sends one request and collects the reply: status, headers and up to `keepBytes` (default
 * {@link RECORD_LIMIT_BYTES}, at most {@link DRAIN_LIMIT_BYTES}) of the body. Rejects with undici's (or the URL parser's) error when no reply arrives, and with
 * the cancellation's reason when the try is cancelled first.
 *
 * This drives undici's `dispatch` with a handler of its own instead of `request`: a try needs no
 * body stream, and without one a try costs the event loop about half as much (docs/decisions.md).
 */
export function exchange(
  dispatcher: Dispatcher,
  url: string,
  request: ExchangeRequest,
  cancellation: Cancellation,
  keepBytes: number = RECORD_LIMIT_BYTES,
): Promise<ReceivedResponse> {
  return new Promise((resolve, reject) => {
    if (cancellation.reason !== null) {
      reject(cancellation.reason);
      return;
    }
    const handler = new ReplyCollector(resolve, reject, cancellation, keepBytes);
    try {
      const { origin, pathname, search } = new URL(url);
      const { method, headers, body } = request;
      dispatcher.dispatch({ origin, path: `${pathname}${search}`, method, headers, body }, handler);
    } catch (error) {
      handler.fail(error);
    }
  });
}

/** Collects one reply for {@link exchange}, settling its promise exactly once. */
class ReplyCollector implements Dispatcher.DispatchHandler {
  readonly #resolve: (response: ReceivedResponse) => void;
  readonly #reject: (error: unknown) => void;
  readonly #cancellation: Cancellation;
  #settled = false;
  #status = 0;
  #headers: [string, string][] = [];
  readonly #chunks: Buffer[] = [];
  #kept = 0;
  #seen = 0;
  readonly #keepBytes: number;

  constructor(
    resolve: (response: ReceivedResponse) => void,
    reject: (error: unknown) => void,
    cancellation: Cancellation,
    keepBytes: number,
  ) {
    this.#keepBytes = Math.min(keepBytes, DRAIN_LIMIT_BYTES);
    this.#resolve = resolve;
    this.#reject = reject;
    this.#cancellation = cancellation;
    // Cancelled while queued for a connection: the promise settles now, and the request is
    // aborted as soon as undici hands it a controller.
    cancellation.onCancel = (reason) => {
      this.fail(reason);
    };
  }

  onRequestStart(controller: Dispatcher.DispatchController): void {
    const abort = (reason: Error): void => {
      this.fail(reason);
      controller.abort(reason);
    };
    const { reason } = this.#cancellation;
    if (reason !== null) abort(reason);
    else this.#cancellation.onCancel = abort;
  }

  onResponseStart(
    _controller: Dispatcher.DispatchController,
    statusCode: number,
    headers: Record<string, string | string[] | undefined>,
  ): void {
    // 1xx replies are interim: the final status and headers come after them.
    if (statusCode < 200) return;
    this.#status = statusCode;
    this.#headers = headerPairs(headers);
  }

  onResponseData(controller: Dispatcher.DispatchController, chunk: Buffer): void {
    this.#seen += chunk.length;
    if (this.#kept < this.#keepBytes) {
      this.#chunks.push(chunk);
      this.#kept += chunk.length;
    }
    if (this.#seen > DRAIN_LIMIT_BYTES) {
      this.#succeed();
      controller.abort(new Error(`response body over ${DRAIN_LIMIT_BYTES} bytes: not drained`));
    }
  }

  onResponseEnd(): void {
    this.#succeed();
  }

  onResponseError(_controller: Dispatcher.DispatchController, error: Error): void {
    this.fail(error);
  }

  fail(error: unknown): void {
    if (this.#settled) return;
    this.#settled = true;
    this.#cancellation.onCancel = null;
    this.#reject(error);
  }

  #succeed(): void {
    if (this.#settled) return;
    this.#settled = true;
    this.#cancellation.onCancel = null;
    const body = decodeCapped(Buffer.concat(this.#chunks, this.#kept), this.#keepBytes);
    this.#resolve({ status: this.#status, headers: this.#headers, body });
  }
}

function headerPairs(headers: Record<string, string | string[] | undefined>): [string, string][] {
  const pairs: [string, string][] = [];
  for (const name in headers) {
    const value = headers[name];
    if (Array.isArray(value)) for (const item of value) pairs.push([name, item]);
    else if (value !== undefined) pairs.push([name, value]);
  }
  return pairs;
}

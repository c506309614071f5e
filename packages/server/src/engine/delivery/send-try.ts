import type { Dispatcher } from 'undici';
import type { AttemptOutcome, FollowedRedirect, ReceivedResponse } from './attempt-outcome.js';
import { classifyError, timeoutOutcome } from './classify-error.js';
import { classifyResponse } from './classify-response.js';
import { DELIVERY_ERROR_CODES } from './delivery-error-codes.js';
import { Cancellation } from './cancellation.js';
import { exchange } from './http-exchange.js';
import type { Shutdown } from './shutdown.js';
import type { WebhookRequest } from './webhook-request.js';

/** Settled: up to 3 redirects per try, so a try makes at most 4 requests. */
export const MAX_REDIRECTS = 3;

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

export interface SendTryOptions {
  readonly request: WebhookRequest;
  readonly dispatcher: Dispatcher;
  /** Covers connect, headers and body of every request in the try, redirects included. */
  readonly timeoutMs: number;
  /** Aborts the try when the worker shuts down. */
  readonly shutdown: Shutdown;
  readonly now: () => number;
  /** How much of the reply body to keep (default the recorded 10 kB); TeXML documents need more. */
  readonly keepBytes?: number;
}

/**
 * Makes one try: sends the request and follows redirects by re-sending it unchanged (same
 * method, body and signed headers). Never throws; every ending is an {@link AttemptOutcome}.
 */
export async function sendTry(options: SendTryOptions): Promise<AttemptOutcome> {
  const cancellation = new Cancellation();
  const timer = setTimeout(() => {
    cancellation.cancel(new TryTimeout(options.timeoutMs));
  }, options.timeoutMs);
  const unwatch = options.shutdown.watch(() => {
    cancellation.cancel(new Error('the delivery worker stopped'));
  });
  const redirects: FollowedRedirect[] = [];
  try {
    return await followRedirects(options, cancellation, redirects);
  } catch (error) {
    if (error instanceof TryTimeout) return timeoutOutcome(options.timeoutMs, redirects);
    return classifyError(error, redirects);
  } finally {
    clearTimeout(timer);
    unwatch();
  }
}

/** The reason a try's own timer gives when it cancels the exchange under way. */
class TryTimeout extends Error {
  constructor(timeoutMs: number) {
    super(`no complete reply within ${timeoutMs} ms`);
  }
}

async function followRedirects(
  options: SendTryOptions,
  cancellation: Cancellation,
  redirects: FollowedRedirect[],
): Promise<AttemptOutcome> {
  let url = options.request.url;
  for (;;) {
    const response = await exchange(
      options.dispatcher,
      url,
      options.request,
      cancellation,
      options.keepBytes,
    );
    const location = redirectTarget(response, url);
    if (location === null) return classifyResponse(response, redirects, options.now());
    if (redirects.length === MAX_REDIRECTS) return tooManyRedirects(response, redirects);
    redirects.push({ status: response.status, location });
    url = location;
  }
}

function redirectTarget(response: ReceivedResponse, base: string): string | null {
  if (!REDIRECT_STATUSES.has(response.status)) return null;
  const location = response.headers.find(([name]) => name === 'location')?.[1];
  return location === undefined ? null : new URL(location, base).href;
}

function tooManyRedirects(
  response: ReceivedResponse,
  redirects: readonly FollowedRedirect[],
): AttemptOutcome {
  const reason = `more than ${MAX_REDIRECTS} redirects`;
  return {
    kind: 'final',
    code: DELIVERY_ERROR_CODES.tooManyRedirects,
    reason,
    response,
    redirects,
  };
}

import { request, type Dispatcher } from 'undici';
import type { AttemptOutcome, FollowedRedirect, ReceivedResponse } from './attempt-outcome.js';
import { classifyError, timeoutOutcome } from './classify-error.js';
import { classifyResponse } from './classify-response.js';
import { DELIVERY_ERROR_CODES } from './delivery-error-codes.js';
import { readCappedBody } from './response-body.js';
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
  readonly shutdown: AbortSignal;
  readonly now: () => number;
}

/**
 * Makes one try: sends the request and follows redirects by re-sending it unchanged (same
 * method, body and signed headers). Never throws; every ending is an {@link AttemptOutcome}.
 */
export async function sendTry(options: SendTryOptions): Promise<AttemptOutcome> {
  // One controller for both endings (timeout, shutdown): AbortSignal.any costs far more per try.
  const controller = new AbortController();
  const timer = { fired: false };
  const stop = (): void => {
    controller.abort();
  };
  const handle = setTimeout(() => {
    timer.fired = true;
    stop();
  }, options.timeoutMs);
  if (options.shutdown.aborted) stop();
  else options.shutdown.addEventListener('abort', stop, { once: true });
  const redirects: FollowedRedirect[] = [];
  try {
    return await followRedirects(options, controller.signal, redirects);
  } catch (error) {
    if (timer.fired) return timeoutOutcome(options.timeoutMs, redirects);
    return classifyError(error, redirects);
  } finally {
    clearTimeout(handle);
    options.shutdown.removeEventListener('abort', stop);
  }
}

async function followRedirects(
  options: SendTryOptions,
  signal: AbortSignal,
  redirects: FollowedRedirect[],
): Promise<AttemptOutcome> {
  let url = options.request.url;
  for (;;) {
    const response = await exchange(url, options, signal);
    const location = redirectTarget(response, url);
    if (location === null) return classifyResponse(response, redirects, options.now());
    if (redirects.length === MAX_REDIRECTS) return tooManyRedirects(response, redirects);
    redirects.push({ status: response.status, location });
    url = location;
  }
}

async function exchange(
  url: string,
  options: SendTryOptions,
  signal: AbortSignal,
): Promise<ReceivedResponse> {
  const { method, headers, body } = options.request;
  const reply = await request(url, {
    method,
    headers,
    body,
    signal,
    dispatcher: options.dispatcher,
  });
  const text = await readCappedBody(reply.body);
  return { status: reply.statusCode, headers: headerPairs(reply.headers), body: text };
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

function headerPairs(headers: Record<string, string | string[] | undefined>): [string, string][] {
  const pairs: [string, string][] = [];
  for (const [name, value] of Object.entries(headers)) {
    if (Array.isArray(value)) for (const item of value) pairs.push([name, item]);
    else if (value !== undefined) pairs.push([name, value]);
  }
  return pairs;
}

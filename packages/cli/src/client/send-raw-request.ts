/** One HTTP request sent byte-exact: the same body and the headers in the same order. */
export interface RawRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: readonly (readonly [string, string])[];
  readonly body: Uint8Array | null;
  /** Default 10 s, as a Telnyx delivery try. */
  readonly timeoutMs?: number;
}

/** What came back: a response, or the reason none did. */
export type RawOutcome =
  | {
      readonly kind: 'response';
      readonly status: number;
      readonly headers: [string, string][];
      readonly body: string;
      readonly latencyMs: number;
    }
  | { readonly kind: 'error'; readonly message: string; readonly latencyMs: number };

// Set by the HTTP stack for the new connection; copying the old ones would corrupt the request.
const HOP_BY_HOP = new Set([
  'host',
  'content-length',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'upgrade',
  'expect',
  'te',
  'trailer',
  'proxy-connection',
]);

/** Sends `request` and reports the outcome as a value; never throws for network failures. */
export async function sendRawRequest(
  request: RawRequest,
  clock: () => number = performance.now.bind(performance),
): Promise<RawOutcome> {
  const started = clock();
  const elapsed = (): number => Math.round(clock() - started);
  try {
    const response = await fetch(request.url, init(request));
    const body = await response.text();
    const headers = [...response.headers.entries()];
    return { kind: 'response', status: response.status, headers, body, latencyMs: elapsed() };
  } catch (error) {
    return { kind: 'error', message: reason(error), latencyMs: elapsed() };
  }
}

function init(request: RawRequest): RequestInit {
  const headers = new Headers();
  for (const [name, value] of request.headers) {
    if (!HOP_BY_HOP.has(name.toLowerCase())) headers.append(name, value);
  }
  const result: RequestInit = {
    method: request.method,
    headers,
    redirect: 'manual',
    signal: AbortSignal.timeout(request.timeoutMs ?? 10_000),
  };
  if (request.body !== null && request.method !== 'GET') result.body = Buffer.from(request.body);
  return result;
}

function reason(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as Error & { cause?: unknown }).cause;
  if (error.name === 'TimeoutError') return 'timed out';
  return cause instanceof Error ? cause.message : error.message;
}

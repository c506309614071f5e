import { request } from 'undici';

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

const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * Sends a captured request as it came: undici's `request` adds no headers of its own (fetch
 * adds `accept-language`, `sec-fetch-mode`, `accept-encoding`), so the local app sees the
 * original headers in their order, the original body bytes, and nothing else but the
 * connection's own `host` and `content-length`. Network failures are a value, never a throw.
 */
export async function sendRawRequest(
  raw: RawRequest,
  clock: () => number = performance.now.bind(performance),
): Promise<RawOutcome> {
  const started = clock();
  const elapsed = (): number => Math.round(clock() - started);
  const timeout = raw.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  try {
    const response = await request(raw.url, {
      method: raw.method,
      headers: flatHeaders(raw.headers),
      body: hasBody(raw) ? Buffer.from(raw.body ?? []) : null,
      headersTimeout: timeout,
      bodyTimeout: timeout,
    });
    const body = await response.body.text();
    return {
      kind: 'response',
      status: response.statusCode,
      headers: pairsOf(response.headers),
      body,
      latencyMs: elapsed(),
    };
  } catch (error) {
    return { kind: 'error', message: reason(error), latencyMs: elapsed() };
  }
}

function hasBody(raw: RawRequest): boolean {
  return raw.body !== null && raw.body.length > 0 && raw.method !== 'GET' && raw.method !== 'HEAD';
}

/** A flat name, value list: the form that keeps order and repeated names. */
function flatHeaders(headers: RawRequest['headers']): string[] {
  return headers.filter(([name]) => !HOP_BY_HOP.has(name.toLowerCase())).flat();
}

function pairsOf(headers: Record<string, string | string[] | undefined>): [string, string][] {
  return Object.entries(headers).flatMap(([name, value]): [string, string][] => {
    if (value === undefined) return [];
    return (Array.isArray(value) ? value : [value]).map((item) => [name, item]);
  });
}

function reason(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as Error & { code?: unknown }).code;
  return typeof code === 'string' && code !== '' ? `${code}: ${error.message}` : error.message;
}

import type { FastifyRequest } from 'fastify';
import type { HeaderPairs, NewCapture } from '../storage/inbox-store.js';
import type { Inbox } from './inbox-record.js';

/** What a capture needs besides the request: who owns it and when it came. */
export interface CaptureOrigin {
  readonly id: string;
  readonly inbox: Inbox;
  readonly receivedAt: number;
  /** `'verified'`, a `WH_*` code, or null when the inbox has no public key. */
  readonly verification: string | null;
}

/** The raw request exactly as received: the URL as sent, headers in order, body bytes. */
export function captureOf(request: FastifyRequest, origin: CaptureOrigin): NewCapture {
  const [path, query] = splitUrl(request.raw.url ?? '/');
  const body = rawBody(request.body);
  return {
    id: origin.id,
    accountId: origin.inbox.accountId,
    inboxId: origin.inbox.id,
    method: request.method,
    path,
    query,
    headers: headerPairs(request.raw.rawHeaders),
    body,
    remoteAddress: request.socket.remoteAddress ?? '',
    receivedAt: origin.receivedAt,
    eventType: eventTypeOf(body),
    verification: origin.verification,
  };
}

/** The body parser of the capture scope hands over a Buffer; methods without a body have none. */
export function rawBody(body: unknown): Uint8Array {
  return body instanceof Uint8Array ? body : new Uint8Array(0);
}

function splitUrl(url: string): [string, string] {
  const mark = url.indexOf('?');
  return mark === -1 ? [url, ''] : [url.slice(0, mark), url.slice(mark + 1)];
}

/** Node gives raw headers as a flat name, value, name, value… list. */
export function headerPairs(raw: readonly string[]): HeaderPairs {
  const pairs: [string, string][] = [];
  for (let index = 0; index + 1 < raw.length; index += 2) {
    pairs.push([raw[index] ?? '', raw[index + 1] ?? '']);
  }
  return pairs;
}

/** `data.event_type` (API v2) or `event_type` (v1) of a JSON body; null for anything else. */
export function eventTypeOf(body: Uint8Array): string | null {
  const parsed = parseJson(body);
  if (typeof parsed !== 'object' || parsed === null) return null;
  const record = parsed as Record<string, unknown>;
  const data = record['data'];
  const nested =
    typeof data === 'object' && data !== null
      ? (data as Record<string, unknown>)['event_type']
      : undefined;
  const type = nested ?? record['event_type'];
  return typeof type === 'string' ? type : null;
}

function parseJson(body: Uint8Array): unknown {
  const text = Buffer.from(body).toString('utf8').trimStart();
  if (!text.startsWith('{')) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

import type { RawOutcome, RawRequest } from '../client/send-raw-request.js';
import { sendRawRequest } from '../client/send-raw-request.js';
import type { SwitchboardClient } from '../client/switchboard-client.js';
import { subpathOf, type CaptureEvent } from './capture-event.js';

/** Where and how `listen` forwards. */
export interface ForwardSettings {
  readonly forwardTo: string;
  readonly failoverTo: string | null;
  /** `-H 'name: value'`: replaces a header of the same name, else is added. */
  readonly extraHeaders: readonly (readonly [string, string])[];
  readonly resign: boolean;
}

/** One request to the local app and what came of it. */
export interface ForwardTry {
  readonly url: string;
  readonly outcome: RawOutcome;
}

type Send = (request: RawRequest) => Promise<RawOutcome>;

const SIGNATURE_HEADERS = new Set(['telnyx-timestamp', 'telnyx-signature-ed25519']);

/**
 * Sends a capture to the local app: the same method, body bytes and headers in order (the HTTP
 * stack drops hop-by-hop ones), the inbox subpath and query appended to the URL. A failed first
 * try (no answer or not 2xx) goes on to `--failover-to`, as Telnyx fails over.
 */
export async function forwardCapture(
  capture: CaptureEvent,
  settings: ForwardSettings,
  client: SwitchboardClient,
  send: Send = sendRawRequest,
): Promise<ForwardTry[]> {
  const body = Buffer.from(capture.body_base64, 'base64');
  const signed = settings.resign ? await resign(client, capture.headers, body) : capture.headers;
  const headers = withExtraHeaders(signed, settings.extraHeaders);
  const tries: ForwardTry[] = [];
  for (const base of [settings.forwardTo, settings.failoverTo]) {
    if (base === null) continue;
    const url = targetUrl(base, capture);
    const outcome = await send({ method: capture.method, url, headers, body });
    tries.push({ url, outcome });
    if (succeeded(outcome)) break;
  }
  return tries;
}

export function succeeded(outcome: RawOutcome): boolean {
  return outcome.kind === 'response' && outcome.status >= 200 && outcome.status < 300;
}

function targetUrl(base: string, capture: CaptureEvent): string {
  const url = base.replace(/\/+$/, '') + subpathOf(capture);
  return capture.query === '' ? url : `${url}?${capture.query}`;
}

/** Signs the same bytes with the account's key on the server, so the CLI never holds it. */
async function resign(
  client: SwitchboardClient,
  headers: CaptureEvent['headers'],
  body: Buffer,
): Promise<[string, string][]> {
  const signed = await client.post<{ data: { headers: Record<string, string> } }>(
    '/switchboard/sign',
    { body_base64: body.toString('base64') },
  );
  const kept = headers.filter(([name]) => !SIGNATURE_HEADERS.has(name.toLowerCase()));
  return [
    ...kept.map(([name, value]): [string, string] => [name, value]),
    ...Object.entries(signed.data.headers),
  ];
}

function withExtraHeaders(
  headers: readonly (readonly [string, string])[],
  extra: readonly (readonly [string, string])[],
): [string, string][] {
  const replaced = new Set(extra.map(([name]) => name.toLowerCase()));
  const kept = headers.filter(([name]) => !replaced.has(name.toLowerCase()));
  return [...kept, ...extra].map(([name, value]) => [name, value]);
}

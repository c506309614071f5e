import type { RawOutcome, RawRequest } from '../client/send-raw-request.js';
import { sendRawRequest } from '../client/send-raw-request.js';
import type { SwitchboardClient } from '../client/switchboard-client.js';
import { subpathOf, type CaptureEvent } from './capture-event.js';
import { PLAIN_COPY, type CopyPlan } from './listen-chaos.js';

/** Where and how `listen` forwards. */
export interface ForwardSettings {
  readonly forwardTo: string;
  readonly failoverTo: string | null;
  /** `-H 'name: value'`: replaces a header of the same name, else is added. */
  readonly extraHeaders: readonly (readonly [string, string])[];
  readonly resign: boolean;
  /** Waits before a delayed try; rejects when the run is stopped. */
  readonly pause?: (ms: number) => Promise<void>;
  /** The clock a shifted signing time is taken from; default `Date.now`. */
  readonly now?: () => number;
}

/** One request to the local app and what came of it. */
export interface ForwardTry {
  readonly url: string;
  readonly outcome: RawOutcome;
  /** Faults injected into this try (`fail_first 1/2`, `delay 120 ms`…); empty without chaos. */
  readonly chaos: readonly string[];
}

type Send = (request: RawRequest) => Promise<RawOutcome>;

const SIGNATURE_HEADERS = new Set(['telnyx-timestamp', 'telnyx-signature-ed25519']);

/**
 * Sends a capture to the local app: the same method, body bytes and headers in order (the HTTP
 * stack drops hop-by-hop ones), the inbox subpath and query appended to the URL. A failed first
 * try (no answer or not 2xx) goes on to `--failover-to`, as Telnyx fails over. Under chaos, the
 * plan's first tries fail without being sent, each moving on to the next URL as a real failure
 * would, and then every URL gets one real try, starting where the injected ones stopped.
 */
export async function forwardCapture(
  capture: CaptureEvent,
  settings: ForwardSettings,
  client: SwitchboardClient,
  plan: CopyPlan = PLAIN_COPY,
  send: Send = sendRawRequest,
): Promise<ForwardTry[]> {
  const body = Buffer.from(capture.body_base64, 'base64');
  const signed = settings.resign
    ? await resign(client, capture.headers, body, signingTime(settings, plan))
    : capture.headers;
  const headers = withExtraHeaders(signed, settings.extraHeaders);
  const bases = [settings.forwardTo, settings.failoverTo].filter((base) => base !== null);
  const tries = injectedTries(capture, bases, plan.failFirst);
  for (let step = 0; step < bases.length; step++) {
    const url = targetUrl(bases[(plan.failFirst + step) % bases.length] ?? '', capture);
    const waited = await delay(settings, plan.delayMs(tries.length + 1));
    const outcome = await send({ method: capture.method, url, headers, body });
    tries.push({
      url,
      outcome,
      chaos: waited > 0 ? [...plan.notes, `delay ${waited} ms`] : plan.notes,
    });
    if (succeeded(outcome)) break;
  }
  return tries;
}

/** The first `count` tries, cycling through the URLs, counted as failed and never sent. */
function injectedTries(
  capture: CaptureEvent,
  bases: readonly string[],
  count: number,
): ForwardTry[] {
  return Array.from({ length: count }, (_, index) => {
    const note = `fail_first ${index + 1}/${count}`;
    return {
      url: targetUrl(bases[index % bases.length] ?? '', capture),
      outcome: { kind: 'error', message: `chaos: ${note}`, latencyMs: 0 },
      chaos: [note],
    };
  });
}

async function delay(settings: ForwardSettings, ms: number): Promise<number> {
  if (ms > 0) await (settings.pause ?? pauseFor)(ms);
  return ms;
}

function pauseFor(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}

function signingTime(settings: ForwardSettings, plan: CopyPlan): number | null {
  if (plan.timestampShiftSecs === null) return null;
  return Math.floor((settings.now ?? Date.now)() / 1000) + plan.timestampShiftSecs;
}

export function succeeded(outcome: RawOutcome): boolean {
  return outcome.kind === 'response' && outcome.status >= 200 && outcome.status < 300;
}

function targetUrl(base: string, capture: CaptureEvent): string {
  const url = base.replace(/\/+$/, '') + subpathOf(capture);
  return capture.query === '' ? url : `${url}?${capture.query}`;
}

/**
 * Signs the same bytes with the account's key on the server, so the CLI never holds it; at
 * `timestamp` (Unix s) when chaos shifts the clock.
 */
async function resign(
  client: SwitchboardClient,
  headers: CaptureEvent['headers'],
  body: Buffer,
  timestamp: number | null,
): Promise<[string, string][]> {
  const request = { body_base64: body.toString('base64') };
  const signed = await client.call('sign', {
    body: timestamp === null ? request : { ...request, timestamp },
  });
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

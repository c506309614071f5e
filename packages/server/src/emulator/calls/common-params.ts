import Type, { type Static, type TObject } from 'typebox';
import {
  EXPECTED,
  HttpUrl,
  isBase64,
  isHttpUrl,
  LENIENT,
  OneOf,
  Text,
} from '@switchboard/core/contract';
import { invalidIssue } from '../../http/validation/issues.js';
import type { CommonParams } from './call-input.js';
import type { Routing } from './call-state.js';
import { bodyReaderOf } from './declared-body.js';
import { FoundIssues } from './found-issues.js';

const MAX_RETRIES = 5;
const MAX_RETRY_TOTAL_MS = 60_000;
const METHODS = ['POST', 'GET'] as const;

/** Telnyx's client state: base-64 (checked by {@link clientStateOf}). */
export function ClientState(description = 'Base-64 encoded state, echoed in webhooks') {
  return Text({ description });
}

/** The members shared by Dial and every action: client_state, command_id and webhook routing. */
export const COMMON_FIELDS = {
  client_state: Type.Optional(ClientState()),
  command_id: Type.Optional(
    Text({ description: 'Idempotency key: a repeat within 60 s is not run again' }),
  ),
  webhook_url: Type.Optional(HttpUrl()),
  webhook_url_method: Type.Optional(OneOf(METHODS)),
  webhook_urls: Type.Optional(
    Type.Record(Type.String(), Type.Unknown(), {
      [EXPECTED]: 'a map of event types to URLs',
      description: 'Webhook URL per event type',
    }),
  ),
  webhook_urls_method: Type.Optional(OneOf(METHODS)),
  webhook_retries_policies: Type.Optional(
    Type.Record(Type.String(), Type.Unknown(), {
      [EXPECTED]: 'an object',
      description: '{ [event type]: { retries_ms: [...] } }: at most 5 delays, 60 s in all',
    }),
  ),
};

export type CommonBody = Static<TObject<typeof COMMON_FIELDS>>;

/** Reads the common members of any command body, as its route's declaration would. */
export const readCommonBody = bodyReaderOf(Type.Object(COMMON_FIELDS, { [LENIENT]: true }));

/** The common parameters of a raw body, checked as its declaration would; a 422 for what they break. */
export function readCommon(reader: {
  readonly body: Readonly<Record<string, unknown>>;
}): CommonParams {
  const issues = new FoundIssues();
  const common = commonOf(readCommonBody(reader.body), issues);
  issues.done();
  return common;
}

/** The common members of a declared body, with the rules a schema cannot say. */
export function commonOf(body: CommonBody, issues: FoundIssues): CommonParams {
  return {
    clientState: clientStateOf(body.client_state, 'client_state', issues),
    commandId: body.command_id ?? null,
    routing: routingOf(body, issues),
  };
}

/** Telnyx requires client_state to be valid base64; the spec names no code, so 10015 it is. */
export function clientStateOf(
  value: string | undefined,
  name: string,
  issues: FoundIssues,
): string | null {
  if (value === undefined) return null;
  if (isBase64(value)) return value;
  return issues.report(invalidIssue({ pointer: `/${name}` }, 'a valid Base-64 encoded string'));
}

function routingOf(body: CommonBody, issues: FoundIssues): Partial<Routing> | null {
  const routing: { -readonly [K in keyof Routing]?: Routing[K] } = {};
  if (body.webhook_url !== undefined) routing.webhookUrl = body.webhook_url;
  if (body.webhook_url_method !== undefined) routing.webhookMethod = body.webhook_url_method;
  if (body.webhook_urls_method !== undefined) routing.webhookUrlsMethod = body.webhook_urls_method;
  const urls = urlMapOf(body.webhook_urls, issues);
  if (urls !== null) routing.webhookUrls = urls;
  const retries = retriesOf(body.webhook_retries_policies, issues);
  if (retries !== null) routing.retries = retries;
  return Object.keys(routing).length === 0 ? null : routing;
}

function urlMapOf(
  value: Readonly<Record<string, unknown>> | undefined,
  issues: FoundIssues,
): Record<string, string> | null {
  if (value === undefined) return null;
  const entries: [string, string][] = [];
  for (const [event, url] of Object.entries(value)) {
    if (typeof url !== 'string' || !isHttpUrl(url))
      return issues.report(
        invalidIssue({ pointer: '/webhook_urls' }, 'a map of event types to URLs'),
      );
    entries.push([event, url]);
  }
  // fromEntries defines own members: an event named `__proto__` stays a key.
  return Object.fromEntries(entries);
}

/** `{ [event]: { retries_ms } }`, at most 5 retries summing to 60 s or less per event. */
function retriesOf(
  value: Readonly<Record<string, unknown>> | undefined,
  issues: FoundIssues,
): Record<string, number[]> | null {
  if (value === undefined) return null;
  const out: [string, number[]][] = [];
  for (const [event, policy] of Object.entries(value)) {
    const retries = retriesOfPolicy(policy);
    if (retries === null) {
      const pointer = `/webhook_retries_policies/${event}/retries_ms`;
      return issues.report(
        invalidIssue(
          { pointer },
          `at most ${MAX_RETRIES} non-negative delays summing to ${MAX_RETRY_TOTAL_MS} ms or less`,
        ),
      );
    }
    out.push([event, retries]);
  }
  return Object.fromEntries(out);
}

function retriesOfPolicy(policy: unknown): number[] | null {
  const list: unknown =
    typeof policy === 'object' && policy !== null && !Array.isArray(policy)
      ? Object.getOwnPropertyDescriptor(policy, 'retries_ms')?.value
      : undefined;
  if (!Array.isArray(list) || list.length > MAX_RETRIES) return null;
  const numbers = list.map(Number);
  if (numbers.some((ms) => !Number.isInteger(ms) || ms < 0)) return null;
  return numbers.reduce((sum, ms) => sum + ms, 0) <= MAX_RETRY_TOTAL_MS ? numbers : null;
}

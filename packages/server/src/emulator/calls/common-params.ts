import { invalidIssue } from '../../api/validation/issues.js';
import { isHttpUrl } from '../../api/validation/field-checks.js';
import type { BodyReader } from './body-reader.js';
import { isRecord } from './body-reader.js';
import type { CommonParams } from './call-input.js';
import type { Routing } from './call-state.js';

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const MAX_RETRIES = 5;
const MAX_RETRY_TOTAL_MS = 60_000;
const METHODS = ['POST', 'GET'] as const;

/** The parameters shared by Dial and every action: client_state, command_id and webhook routing. */
export function readCommon(reader: BodyReader): CommonParams {
  return {
    clientState: readClientState(reader, 'client_state'),
    commandId: reader.string('command_id'),
    routing: readRouting(reader),
  };
}

/** Telnyx requires client_state to be valid base64; the spec names no code, so 10015 it is. */
export function readClientState(reader: BodyReader, name: string): string | null {
  const value = reader.string(name);
  if (value === null || BASE64.test(value)) return value;
  return reader.report(invalidIssue({ pointer: `/${name}` }, 'a valid Base-64 encoded string'));
}

export function readUrl(reader: BodyReader, name: string): string | null {
  const value = reader.string(name);
  if (value === null || isHttpUrl(value)) return value;
  return reader.report(
    invalidIssue({ pointer: `/${name}` }, 'a valid URL that includes a scheme (http or https)'),
  );
}

function readRouting(reader: BodyReader): Partial<Routing> | null {
  const routing: { -readonly [K in keyof Routing]?: Routing[K] } = {};
  const url = readUrl(reader, 'webhook_url');
  if (url !== null) routing.webhookUrl = url;
  if (reader.body['webhook_url_method'] !== undefined)
    routing.webhookMethod = reader.oneOf('webhook_url_method', METHODS, 'POST');
  if (reader.body['webhook_urls_method'] !== undefined)
    routing.webhookUrlsMethod = reader.oneOf('webhook_urls_method', METHODS, 'POST');
  const urls = readUrlMap(reader);
  if (urls !== null) routing.webhookUrls = urls;
  const retries = readRetries(reader);
  if (retries !== null) routing.retries = retries;
  return Object.keys(routing).length === 0 ? null : routing;
}

function readUrlMap(reader: BodyReader): Record<string, string> | null {
  const value = reader.body['webhook_urls'];
  if (value === undefined || value === null) return null;
  const bad =
    !isRecord(value) ||
    Object.values(value).some((url) => typeof url !== 'string' || !isHttpUrl(url));
  if (bad)
    return reader.report(
      invalidIssue({ pointer: '/webhook_urls' }, 'a map of event types to URLs'),
    );
  return value as Record<string, string>;
}

/** `{ [event]: { retries_ms } }`, at most 5 retries summing to 60 s or less per event. */
function readRetries(reader: BodyReader): Record<string, number[]> | null {
  const value = reader.body['webhook_retries_policies'];
  if (value === undefined || value === null) return null;
  if (!isRecord(value))
    return reader.report(invalidIssue({ pointer: '/webhook_retries_policies' }, 'an object'));
  const out: [string, number[]][] = [];
  for (const [event, policy] of Object.entries(value)) {
    const retries = retriesOf(policy);
    if (retries === null) {
      const pointer = `/webhook_retries_policies/${event}/retries_ms`;
      return reader.report(
        invalidIssue(
          { pointer },
          `at most ${MAX_RETRIES} non-negative delays summing to ${MAX_RETRY_TOTAL_MS} ms or less`,
        ),
      );
    }
    out.push([event, retries]);
  }
  // fromEntries defines own members: an event named `__proto__` stays a key.
  return Object.fromEntries(out);
}

function retriesOf(policy: unknown): number[] | null {
  const list: unknown = isRecord(policy) ? policy['retries_ms'] : undefined;
  if (!Array.isArray(list) || list.length > MAX_RETRIES) return null;
  const numbers = list.map(Number);
  if (numbers.some((ms) => !Number.isInteger(ms) || ms < 0)) return null;
  return numbers.reduce((sum, ms) => sum + ms, 0) <= MAX_RETRY_TOTAL_MS ? numbers : null;
}

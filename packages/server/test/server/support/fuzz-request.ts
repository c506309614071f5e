import { request, type Agent } from 'node:http';
import fc from 'fast-check';
import type { RouteShape } from './route-table.js';

/** One request as the fuzzer sends it: every byte of the path and body chosen by the test. */
export interface FuzzRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | null;
}

export interface FuzzReply {
  readonly status: number;
  readonly contentType: string;
  readonly body: string;
}

/** What the fuzzer draws from besides randomness: the app's routes and real things in it. */
export interface FuzzPools {
  readonly routes: readonly RouteShape[];
  /** Ids, tokens and numbers that exist, so requests reach past the 404s too. */
  readonly ids: readonly string[];
  readonly apiKey: string;
  /** Where events the fuzzer publishes go. */
  readonly webhookUrl: string;
}

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];

/** Path segments as sent, already percent-encoded or deliberately malformed. */
const ODD_SEGMENTS = [
  ...['__proto__', 'constructor', 'hasOwnProperty', 'valueOf', 'toString', '..', '.', ''],
  ...['%', '%25', '%00', '%0A', '%2F', '%E0%A4%A', '%ZZ', '%FF', '%C0%AF', '%EF%BF%BF'],
  ...['%2B13125550100', '%252B13125550100', '+13125550100', '9'.repeat(120), 'v3:%00'],
];

const QUERIES = [
  ...['', '?page[size]=0', '?page[number]=-1', '?page[size]=abc&page[size]=2'],
  ...['?filter[status][eq]=x', '?filter[event_type]=%00', '?%', '?a=%ZZ', '?__proto__[x]=1'],
  ...['?constructor=1', '?filter[started_at][gte]=yesterday', '?sort=__proto__', '?since=-1'],
];

/** Member names the routes read, and names that are members of every plain object. */
const FIELDS = [
  ...['event_type', 'payload', 'webhook_url', 'connection_id', 'application_name', 'chaos'],
  ...['webhook_event_url', 'name', 'phone_number', 'from', 'to', 'text', 'client_state'],
  ...['command_id', 'webhook_urls', 'webhook_retries_policies', 'media_urls', 'url', 'mode'],
  ...['messaging_profile_id', 'webhook_body_format', 'occurred_at', 'id', 'tags', 'digits'],
  ...['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'],
];

const NOT_JSON = ['{', '{"a":', 'nul', '\u0000', '[1,]', '{"a":1}{}', '\uFEFF{}', '{"a":1e999}'];

const CONTENT_TYPES = [
  ...['application/json', 'application/json', 'application/json', 'APPLICATION/JSON'],
  ...['application/json; charset=utf-8', 'application/json; charset=latin1', 'text/plain'],
  ...['application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml'],
];

/** A request to one of the app's routes (or near one), with odd ids, bodies and headers. */
export function fuzzRequest(pools: FuzzPools): fc.Arbitrary<FuzzRequest> {
  return fc
    .record({
      route: fc.constantFrom(...pools.routes),
      methodPick: fc.nat(),
      anyMethod: fc.constantFrom(...METHODS),
      ownMethod: fc.boolean(),
      segments: fc.array(segment(pools), { minLength: 4, maxLength: 4 }),
      query: fc.constantFrom(...QUERIES),
      body: body(pools),
      contentType: fc.constantFrom(...CONTENT_TYPES),
      auth: fc.oneof(
        { weight: 6, arbitrary: fc.constant(`Bearer ${pools.apiKey}`) },
        {
          weight: 1,
          arbitrary: fc.constantFrom(null, 'Bearer KEYsb_wrong', `Basic ${pools.apiKey}`),
        },
      ),
    })
    .map(
      ({ route, methodPick, anyMethod, ownMethod, segments, query, body, contentType, auth }) => ({
        method: ownMethod ? (route.methods[methodPick % route.methods.length] ?? 'GET') : anyMethod,
        path: `${fill(route.path, segments)}${query}`,
        headers: {
          ...(auth === null ? {} : { authorization: auth }),
          ...(body === null ? {} : { 'content-type': contentType }),
        },
        body,
      }),
    );
}

/** Replaces each `:param` and `*` of a template with the next segment. */
function fill(template: string, segments: readonly string[]): string {
  let next = 0;
  return template
    .split('/')
    .map((part) => (part.startsWith(':') || part === '*' ? (segments[next++] ?? '') : part))
    .join('/');
}

function segment(pools: FuzzPools): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom(...pools.ids.map(encodeSegment)) },
    { weight: 2, arbitrary: fc.constantFrom(...ODD_SEGMENTS) },
    { weight: 2, arbitrary: fc.string({ maxLength: 30, unit: 'binary' }).map(encodeSegment) },
    { weight: 1, arbitrary: fc.integer().map(String) },
  );
}

/** `encodeURIComponent`, and the UTF-8 of a lone surrogate where it would throw. */
function encodeSegment(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return '%ED%A0%80';
  }
}

function body(pools: FuzzPools): fc.Arbitrary<string | null> {
  return fc.oneof(
    { weight: 2, arbitrary: fc.constant(null) },
    { weight: 5, arbitrary: objectText(pools) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value)) },
    { weight: 1, arbitrary: deepText(pools) },
    { weight: 1, arbitrary: fc.constantFrom(...NOT_JSON) },
    { weight: 1, arbitrary: fc.string({ maxLength: 40, unit: 'binary' }) },
  );
}

/**
 * An object written as text, so that a `__proto__` member really is in the JSON (building it
 * as an object first would set a prototype instead).
 */
function objectText(pools: FuzzPools): fc.Arbitrary<string> {
  const key = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...FIELDS) },
    { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  );
  const value = fc.oneof(
    fc.jsonValue({ maxDepth: 3 }),
    fc.constantFrom(...pools.ids, pools.webhookUrl, 'http://127.0.0.1:9/', '+13125550100'),
  );
  return fc
    .array(fc.tuple(key, value), { maxLength: 6 })
    .map(
      (members) =>
        `{${members.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`).join(',')}}`,
    );
}

/** Objects or arrays nested around the depth limit and far past it, in a plausible event. */
function deepText(pools: FuzzPools): fc.Arbitrary<string> {
  return fc
    .record({
      levels: fc.integer({ min: 60, max: 4_000 }),
      arrays: fc.boolean(),
      key: fc.constantFrom(...FIELDS),
    })
    .map(({ levels, arrays, key }) => {
      const [open, close] = arrays ? ['[', ']'] : ['{"a":', '}'];
      const deep = `${open.repeat(levels)}1${close.repeat(levels)}`;
      const event = `"event_type":"fuzz.deep","webhook_url":${JSON.stringify(pools.webhookUrl)}`;
      return `{${event},${JSON.stringify(key)}:${deep}}`;
    });
}

/** Sends one request over `agent`; a stream (`text/event-stream`) is closed once it answers. */
export function sendFuzz(port: number, agent: Agent, fuzz: FuzzRequest): Promise<FuzzReply> {
  const payload = fuzz.body === null ? null : Buffer.from(fuzz.body, 'utf8');
  const headers = {
    ...fuzz.headers,
    ...(payload === null ? {} : { 'content-length': String(payload.length) }),
  };
  return new Promise((resolve, reject) => {
    const outgoing = request(
      { host: '127.0.0.1', port, method: fuzz.method, path: fuzz.path, headers, agent },
      (response) => {
        const contentType = response.headers['content-type'] ?? '';
        const status = response.statusCode ?? 0;
        if (contentType.startsWith('text/event-stream')) {
          response.destroy();
          resolve({ status, contentType, body: '' });
          return;
        }
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          resolve({ status, contentType, body: Buffer.concat(chunks).toString('utf8') });
        });
        response.on('error', reject);
      },
    );
    outgoing.setTimeout(15_000, () => outgoing.destroy(new Error('no answer within 15 s')));
    outgoing.on('error', reject);
    outgoing.end(payload ?? undefined);
  });
}

/** True when `text` is the Telnyx error envelope, every item complete. */
export function isErrorEnvelope(text: string): boolean {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return false;
  }
  if (typeof parsed !== 'object' || parsed === null || !('errors' in parsed)) return false;
  const { errors } = parsed;
  return Array.isArray(errors) && errors.length > 0 && errors.every(isErrorItem);
}

function isErrorItem(item: unknown): boolean {
  if (typeof item !== 'object' || item === null) return false;
  const { code, title, detail } = item as Record<string, unknown>;
  return (
    typeof code === 'string' &&
    /^\d+$/.test(code) &&
    typeof title === 'string' &&
    typeof detail === 'string'
  );
}

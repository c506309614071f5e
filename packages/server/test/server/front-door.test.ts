import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/start-server.js';
import { rawExchange, type RawReply, type RawTarget } from './support/raw-http.js';
import { testConfig } from './support/test-config.js';

// A short request timeout, so the slow-client cases end in about a second.
let server: RunningServer;
let plain: RawTarget;
let tls: RawTarget;
beforeAll(async () => {
  server = await startServer(
    await testConfig({
      SWITCHBOARD_REQUEST_TIMEOUT_MS: '1000',
      SWITCHBOARD_TLS: 'true',
      SWITCHBOARD_TLS_PORT: '0',
    }),
  );
  plain = { port: Number(new URL(server.url).port) };
  tls = { port: server.tls?.port ?? 0, ca: await readFile(server.tls?.certFile ?? '', 'utf8') };
});
afterAll(async () => {
  await server.close();
});

interface Envelope {
  errors: { code: string; title: string; detail: string; meta: { url: string } }[];
}

/** The reply's first error, after checking the whole body is the Telnyx envelope. */
function envelopeError(reply: RawReply): Envelope['errors'][number] {
  expect(reply.headers).toMatch(/\r\ncontent-type: application\/json/i);
  const body = JSON.parse(reply.body) as Envelope;
  const [first] = body.errors;
  expect(first?.code).toMatch(/^\d+$/);
  expect(first?.title).toEqual(expect.any(String));
  expect(first?.detail).toEqual(expect.any(String));
  if (first === undefined) throw new Error(reply.body);
  return first;
}

const auth = (): string => `Authorization: Bearer ${server.apiKey ?? ''}\r\n`;

describe.each([
  ['http', () => plain],
  ['https', () => tls],
])('every error in the Telnyx envelope (%s)', (_name, target) => {
  it('answers a malformed request with 400', async () => {
    const reply = await rawExchange(target(), ['GARBAGE\r\n\r\n']);
    expect(reply.status).toBe(400);
    expect(envelopeError(reply).code).toBe('10015');
  });

  it('answers headers over the size limit with 431', async () => {
    const big = `X-Big: ${'x'.repeat(20_000)}\r\n`;
    const reply = await rawExchange(target(), [`GET /health HTTP/1.1\r\nHost: h\r\n${big}\r\n`]);
    expect(reply.status).toBe(431);
    expect(envelopeError(reply).code).toBe('431');
  });

  it('answers a bad URL with 400', async () => {
    const reply = await rawExchange(target(), ['GET /% HTTP/1.1\r\nHost: h\r\n\r\n']);
    expect(reply.status).toBe(400);
    expect(envelopeError(reply).code).toBe('10015');
  });

  it('answers a body over the limit with 413', async () => {
    const reply = await rawExchange(target(), [
      `POST /switchboard/events HTTP/1.1\r\nHost: h\r\n${auth()}` +
        'Content-Type: application/json\r\nContent-Length: 2000000\r\n\r\n',
    ]);
    expect(reply.status).toBe(413);
    expect(envelopeError(reply).code).toBe('413');
  });
});

describe.each([
  ['http', () => plain],
  ['https', () => tls],
])('slow clients (%s)', (_name, target) => {
  it('cuts off a body that does not arrive in time with 408 and closes', async () => {
    const reply = await rawExchange(target(), [
      `POST /switchboard/events HTTP/1.1\r\nHost: h\r\n${auth()}` +
        'Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{"event_type":',
    ]);
    expect(reply.status).toBe(408);
    expect(envelopeError(reply).code).toBe('408');
    expect(reply.headers).toMatch(/\r\nconnection: close/i);
  });

  it('cuts off headers that do not arrive in time with 408', async () => {
    const reply = await rawExchange(target(), ['GET /health HTTP/1.1\r\nHost: h\r\n']);
    expect(reply.status).toBe(408);
    expect(envelopeError(reply).code).toBe('408');
  });
});

describe('authentication before routing on the served app', () => {
  it('answers an unknown /v2 path 401 without a key and 404 with one', async () => {
    const anonymous = await fetch(`${server.url}/v2/no_such_thing`);
    expect(anonymous.status).toBe(401);
    const known = await fetch(`${server.url}/v2/no_such_thing`, {
      headers: { authorization: `Bearer ${server.apiKey ?? ''}` },
    });
    expect(known.status).toBe(404);
  });

  it('leaves inbox capture URLs, /health and the dashboard open', async () => {
    expect((await fetch(`${server.url}/switchboard/inbox/not-a-token`)).status).toBe(404);
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
    expect((await fetch(`${server.url}/`)).status).toBe(200);
  });
});

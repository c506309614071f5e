import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mediaContentType } from '../../src/emulator/messaging/media-content-type.js';
import { readCommon } from '../../src/emulator/calls/common-params.js';
import { apiHarness, firstError, type ApiHarness } from './support/api-harness.js';

let h: ApiHarness;
beforeAll(async () => {
  h = await apiHarness({ emulator: true });
  const added = await call('POST', '/switchboard/phone_numbers', { phone_number: '+13125550001' });
  expect(added.statusCode).toBe(201);
});
afterAll(async () => {
  await h.close();
});

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH';

function call(method: Method, url: string, payload?: object): Promise<LightMyRequestResponse> {
  return h.request(h.alice.apiKey, {
    method,
    url,
    ...(payload === undefined ? {} : { payload }),
  });
}

/** A 4xx in the Telnyx envelope, never a 5xx and never Fastify's own body. */
function expectEnvelope(response: LightMyRequestResponse, status: number): void {
  expect(response.statusCode, response.body).toBe(status);
  expect(firstError(response).code).toMatch(/^\d+$/);
}

describe('ids in paths', () => {
  it.each([
    ['GET', '/v2/phone_numbers/%25'],
    ['PATCH', '/v2/phone_numbers/%25'],
    ['GET', '/v2/phone_numbers/%25/messaging'],
    ['PATCH', '/v2/phone_numbers/%25/messaging'],
    ['GET', '/v2/phone_numbers/%25E0%25A4%25A'],
    ['GET', '/v2/messaging_profiles/%0A'],
    ['GET', '/v2/calls/%1F'],
    ['GET', '/switchboard/inboxes/%25'],
  ] as const)('%s %s is a 404 in the envelope', async (method, url) => {
    expectEnvelope(await call(method, url, method === 'PATCH' ? {} : undefined), 404);
  });

  it('are decoded once: %2B is a +, and %252B is not', async () => {
    const once = await call('GET', '/v2/phone_numbers/%2B13125550001');
    expect(once.statusCode).toBe(200);
    expectEnvelope(await call('GET', '/v2/phone_numbers/%252B13125550001'), 404);
  });

  it.each([['/%'], ['/v2/webhook_deliveries/%ZZ'], ['/v2/calls/%E0%A4%A']])(
    'an undecodable URL %s is a 400 in the envelope',
    async (url) => {
      const response = await call('GET', url);
      expectEnvelope(response, 400);
      expect(firstError(response).code).toBe('10015');
    },
  );

  it('an id longer than any the API makes is a 404 in the envelope', async () => {
    expectEnvelope(await call('GET', `/v2/call_control_applications/${'9'.repeat(300)}`), 404);
  });
});

describe('names looked up from the request', () => {
  const NAMES = ['__proto__', 'hasOwnProperty', 'valueOf', 'constructor', 'toString'];

  it.each(NAMES)('a call action named %s is a 404 by POST and PUT', async (name) => {
    expectEnvelope(await call('POST', `/v2/calls/v3:abc/actions/${name}`, {}), 404);
    expectEnvelope(await call('PUT', `/v2/calls/v3:abc/actions/${name}`, {}), 404);
    expectEnvelope(await call('POST', `/switchboard/simulate/calls/v3:abc/actions/${name}`), 404);
  });

  it.each(['constructor', '__proto__'])(
    'a media URL ending in .%s is application/octet-stream',
    (extension) => {
      expect(mediaContentType(`https://example.com/file.${extension}`)).toBe(
        'application/octet-stream',
      );
    },
  );

  it('keeps a retry policy for an event named "__proto__" as an own member', () => {
    const body = JSON.parse('{"webhook_retries_policies":{"__proto__":{"retries_ms":[1000]}}}');
    const routing = readCommon({ body }).routing;
    const retries = routing?.retries ?? {};
    expect(Object.hasOwn(retries, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(retries)).toBe(Object.prototype);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiHarness, firstError, type ApiHarness } from './support/api-harness.js';

let h: ApiHarness;
beforeAll(async () => {
  h = await apiHarness();
});
afterAll(async () => {
  await h.close();
});

const JSON_HEADER = { 'content-type': 'application/json' };

async function createApp(): Promise<string> {
  const response = await h.request(h.alice.apiKey, {
    method: 'POST',
    url: '/v2/call_control_applications',
    payload: { application_name: 'empty-body', webhook_event_url: 'https://example.com' },
  });
  return response.json<{ data: { id: string } }>().data.id;
}

describe('content-type: application/json with no body', () => {
  it('DELETE behaves as if the header were absent', async () => {
    const id = await createApp();
    const response = await h.request(h.alice.apiKey, {
      method: 'DELETE',
      url: `/v2/call_control_applications/${id}`,
      headers: JSON_HEADER,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json<{ data: { id: string } }>().data.id).toBe(id);
  });

  it('GET behaves as if the header were absent', async () => {
    const response = await h.request(h.alice.apiKey, {
      method: 'GET',
      url: '/v2/call_control_applications',
      headers: JSON_HEADER,
      payload: '',
    });
    expect(response.statusCode).toBe(200);
  });

  it('a body-less POST gets the same answer as without the header', async () => {
    const post = (headers: Record<string, string>) =>
      h.request(h.alice.apiKey, { method: 'POST', url: '/v2/call_control_applications', headers });
    const withHeader = await post(JSON_HEADER);
    const without = await post({});
    expect(withHeader.statusCode).toBe(422);
    expect(withHeader.statusCode).toBe(without.statusCode);
    expect(firstError(withHeader)).toEqual(firstError(without));
  });

  it('a body of whitespace only counts as none; malformed JSON is still 400', async () => {
    const blank = await h.request(h.alice.apiKey, {
      method: 'GET',
      url: '/v2/webhook_deliveries',
      headers: JSON_HEADER,
      payload: ' \n',
    });
    expect(blank.statusCode).toBe(200);
    const broken = await h.request(h.alice.apiKey, {
      method: 'POST',
      url: '/v2/call_control_applications',
      headers: JSON_HEADER,
      payload: '{"application_name": ',
    });
    expect(broken.statusCode).toBe(400);
  });
});

import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DASHBOARD_DIST } from '../../src/http/dashboard/dashboard-files.js';
import { dashboardHarness, type DashboardHarness } from './dashboard-harness.js';

let h: DashboardHarness;
beforeAll(async () => {
  h = await dashboardHarness();
});
afterAll(async () => {
  await h.close();
});

const get = (url: string) => h.app.inject({ method: 'GET', url });

describe('the dashboard at /', () => {
  it('serves index.html without auth, same-origin only', async () => {
    const response = await get('/');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(response.body).toContain('<div id="app">');
  });

  it('serves the hashed assets with their content type, cached for good', async () => {
    const script = readdirSync(`${DASHBOARD_DIST}assets`).find((name) => name.endsWith('.js'));
    const response = await get(`/assets/${script ?? 'missing'}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(response.headers['cache-control']).toContain('immutable');
  });

  it('answers deep links with the app, so the client routes them', async () => {
    const response = await get('/deliveries/5f0c6f0e-8a57-4f37-9a0b-5d1f5c1a3b11');
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('<div id="app">');
  });

  it.each(['/v2/nothing', '/switchboard/nothing', '/health/x', '/metrics/x', '/assets/gone.js'])(
    'keeps the JSON 404 for %s',
    async (url) => {
      // With a key: without one, API paths answer 401 before routing (issue 13).
      const authorization = `Bearer ${h.account.apiKey}`;
      const response = await h.app.inject({ method: 'GET', url, headers: { authorization } });
      expect(response.statusCode).toBe(404);
      expect(response.json<{ errors: { code: string }[] }>().errors[0]?.code).toBe('10005');
    },
  );

  it('leaves the API routes and their auth alone', async () => {
    expect((await get('/health')).json()).toEqual({ status: 'ok' });
    expect((await get('/v2/webhook_deliveries')).statusCode).toBe(401);
  });
});

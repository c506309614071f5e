import { createApiClient } from '@switchboard/client';
import { eventRoutes } from '@switchboard/core/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/start-server.js';
import { testConfig } from '../server/support/test-config.js';

describe('@switchboard/client on the declarations the server registers', () => {
  let server: RunningServer;
  let api: ReturnType<typeof createApiClient<typeof eventRoutes>>;

  beforeAll(async () => {
    server = await startServer(await testConfig());
    api = createApiClient(eventRoutes, { baseUrl: server.url, apiKey: server.apiKey ?? '' });
  });
  afterAll(async () => {
    await server.close();
  });

  it('sends a typed body and reads the typed reply', async () => {
    const result = await api.publishEvent({
      body: {
        event_type: 'call.initiated',
        id: 'evt-client-1',
        webhook_url: 'http://127.0.0.1:9/hook',
      },
    });
    expect(result).toMatchObject({
      ok: true,
      status: 202,
      body: { data: { id: 'evt-client-1', duplicate: false } },
    });
    const again = await api.publishEvents({
      body: {
        data: [
          {
            event_type: 'call.initiated',
            id: 'evt-client-1',
            webhook_url: 'http://127.0.0.1:9/hook',
          },
        ],
      },
    });
    expect(again.ok && again.body.data[0]?.duplicate).toBe(true);
  });

  it('gives the error items as a value, with their pointers', async () => {
    const result = await api.publishEvents({ body: { data: [] } });
    expect(result).toMatchObject({
      ok: false,
      status: 422,
      errors: [{ code: '10033', source: { pointer: '/data' } }],
    });
  });

  it('gives a network failure as a value too', async () => {
    const offline = createApiClient(eventRoutes, { baseUrl: 'http://127.0.0.1:9' });
    const result = await offline.publishEvent({ body: { event_type: 'x' } });
    expect(result).toMatchObject({ ok: false, status: 0, errors: [{ code: 'network' }] });
  });
});

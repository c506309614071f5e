import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { createFastifyPlugin } from '../../src/adapters/fastify.js';
import { createWebhookReceiver } from '../../src/receiver/create-webhook-receiver.js';
import type { WebhookReceiver } from '../../src/receiver/receiver-types.js';
import { keys, signed, testEvent } from '../support/fixtures.js';
import { running } from '../support/listen.js';
import { describeAdapterContract, post } from './adapter-contract.js';

async function startFastify(receiver: WebhookReceiver) {
  const app = Fastify();
  await app.register(createFastifyPlugin(receiver));
  app.post('/echo', (request) => ({ parsed: request.body }));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const server = running(app.server);
  return { url: server.url, close: () => app.close() };
}

describeAdapterContract('fastify', startFastify);

describe('fastify adapter encapsulation', () => {
  it('keeps the raw parser inside the plugin: other routes still parse JSON', async () => {
    const server = await startFastify(
      createWebhookReceiver({ publicKey: keys.publicKey, handlers: {} }),
    );
    try {
      const echo = await post(
        server,
        { body: '{"a":1}', headers: { 'content-type': 'application/json' } },
        '/echo',
      );
      expect(echo.body).toEqual({ parsed: { a: 1 } });
      expect((await post(server, signed(testEvent('call.hold')))).status).toBe(200);
    } finally {
      await server.close();
    }
  });

  it('verifies bodies sent with any content type', async () => {
    const server = await startFastify(
      createWebhookReceiver({ publicKey: keys.publicKey, handlers: {} }),
    );
    try {
      const request = signed(testEvent('call.hold'));
      const headers = { ...request.headers, 'content-type': 'text/plain' };
      const reply = await post(server, { body: request.body, headers });
      expect(reply.status).toBe(200);
    } finally {
      await server.close();
    }
  });
});

import { createServer } from 'node:http';
import { describe, expect, it } from 'vitest';
import { createNodeHandler } from '../../src/adapters/node.js';
import { createWebhookReceiver } from '../../src/receiver/create-webhook-receiver.js';
import { keys, signed, testEvent } from '../support/fixtures.js';
import { listen } from '../support/listen.js';
import { describeAdapterContract, post } from './adapter-contract.js';

describeAdapterContract('node:http', (receiver) =>
  listen(createServer(createNodeHandler(receiver))),
);

describe('node:http adapter limits', () => {
  it('answers 413 past maxBodyBytes without verifying', async () => {
    const receiver = createWebhookReceiver({ publicKey: keys.publicKey, handlers: {} });
    const server = await listen(createServer(createNodeHandler(receiver, { maxBodyBytes: 64 })));
    try {
      const reply = await post(server, signed(testEvent('call.answered')));
      expect(reply.status).toBe(413);
      expect(reply.body).toMatchObject({ error: { code: 'RCV_BODY_TOO_LARGE' } });
    } finally {
      await server.close();
    }
  });
});

import { createServer } from 'node:http';
import express from 'express';
import { describe, expect, it, vi } from 'vitest';
import { createExpressRouter } from '../../src/adapters/express.js';
import { createWebhookReceiver } from '../../src/receiver/create-webhook-receiver.js';
import { keys, signed, testEvent } from '../support/fixtures.js';
import { listen } from '../support/listen.js';
import { describeAdapterContract, post } from './adapter-contract.js';

describeAdapterContract('express', (receiver) => {
  const app = express();
  app.use(createExpressRouter(receiver));
  app.use(express.json());
  return listen(createServer(app));
});

describe('express adapter body guard', () => {
  it('answers 500 WH_BODY_PARSED with guidance when express.json() ran first', async () => {
    const onError = vi.fn();
    const handler = vi.fn();
    const receiver = createWebhookReceiver({
      publicKey: keys.publicKey,
      handlers: { '*': handler },
      onError,
    });
    const app = express();
    app.use(express.json());
    app.use(createExpressRouter(receiver));
    const server = await listen(createServer(app));
    try {
      const reply = await post(server, signed(testEvent('call.answered')));
      expect(reply.status).toBe(500);
      expect(reply.body).toMatchObject({ error: { code: 'WH_BODY_PARSED' } });
      expect(JSON.stringify(reply.body)).toContain('before any global body parser');
      expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'WH_BODY_PARSED' }), {
        phase: 'verification',
      });
      expect(handler).not.toHaveBeenCalled();
    } finally {
      await server.close();
    }
  });

  it('leaves JSON parsing intact on the app’s other routes', async () => {
    const receiver = createWebhookReceiver({ publicKey: keys.publicKey, handlers: {} });
    const app = express();
    app.use(createExpressRouter(receiver, { path: '/hooks/telnyx' }));
    app.use(express.json());
    app.post('/echo', (req, res) => {
      res.json({ parsed: req.body as unknown });
    });
    const server = await listen(createServer(app));
    try {
      const echo = await post(
        server,
        { body: '{"a":1}', headers: { 'content-type': 'application/json' } },
        '/echo',
      );
      expect(echo.body).toEqual({ parsed: { a: 1 } });
      const hook = await post(server, signed(testEvent('call.answered')), '/hooks/telnyx');
      expect(hook.status).toBe(200);
    } finally {
      await server.close();
    }
  });
});

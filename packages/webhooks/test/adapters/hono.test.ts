import { serve } from '@hono/node-server';
import type { Server } from 'node:http';
import { Hono } from 'hono';
import { createHonoHandler } from '../../src/adapters/hono.js';
import type { WebhookReceiver } from '../../src/receiver/receiver-types.js';
import { running, type Running } from '../support/listen.js';
import { describeAdapterContract } from './adapter-contract.js';

function startHono(receiver: WebhookReceiver): Promise<Running> {
  const app = new Hono();
  app.post('/webhooks', createHonoHandler(receiver));
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => {
      resolve(running(server as Server));
    });
  });
}

describeAdapterContract('hono', startHono);

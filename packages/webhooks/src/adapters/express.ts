import { WebhookVerificationError } from '@switchboard/core';
import express, { type Request, type Response, type Router } from 'express';
import type { WebhookReceiver } from '../receiver/receiver-types.js';
import { sendNodeResponse } from './send-node-response.js';

export interface ExpressRouterOptions {
  /** The route the router answers, POST only. Default `/webhooks`. */
  readonly path?: string;
  /** Largest body accepted, as `express.raw` takes it. Default `1mb`. */
  readonly limit?: string | number;
}

const PARSED_GUIDANCE =
  'req.body was already parsed by a body parser that ran before the webhook router (for ' +
  'example app.use(express.json())). Verification needs the raw bytes: mount the webhook ' +
  'router before any global body parser, or exclude its path from that parser.';

/**
 * An Express router that mounts `express.raw` on its own route, so the signature is checked
 * over the bytes Telnyx sent. Replies 400 `WH_BODY_PARSED`, with guidance, when a parser
 * mounted earlier got to the body first.
 *
 * @example
 * app.use(createExpressRouter(receiver, { path: '/webhooks/telnyx' }));
 * app.use(express.json()); // after the webhook router
 */
export function createExpressRouter(
  receiver: WebhookReceiver,
  options: ExpressRouterOptions = {},
): Router {
  const router = express.Router();
  const raw = express.raw({ type: () => true, limit: options.limit ?? '1mb' });
  router.post(options.path ?? '/webhooks', raw, (req: Request, res: Response) => {
    void respond(receiver, req, res);
  });
  return router;
}

async function respond(receiver: WebhookReceiver, req: Request, res: Response): Promise<void> {
  const body: unknown = req.body;
  if (body !== undefined && !Buffer.isBuffer(body)) {
    sendNodeResponse(
      res,
      receiver.reject(new WebhookVerificationError('WH_BODY_PARSED', PARSED_GUIDANCE)),
    );
    return;
  }
  const response = await receiver.handle({ body: body ?? new Uint8Array(), headers: req.headers });
  sendNodeResponse(res, response);
}

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { WebhookReceiver } from '../receiver/receiver-types.js';
import { receiverError } from '../receiver/responses.js';
import { readNodeBody } from './read-node-body.js';
import { sendNodeResponse } from './send-node-response.js';

export interface NodeHandlerOptions {
  /** Largest body accepted, in bytes; larger requests get 413. Default 1 MiB. */
  readonly maxBodyBytes?: number;
}

/**
 * A node:http request listener that reads the raw body itself and answers every request
 * through the receiver. Mount it on the webhook path only.
 *
 * @example
 * http.createServer(createNodeHandler(receiver)).listen(3000);
 */
export function createNodeHandler(
  receiver: WebhookReceiver,
  options: NodeHandlerOptions = {},
): (req: IncomingMessage, res: ServerResponse) => void {
  const limit = options.maxBodyBytes ?? 1024 * 1024;
  return (req, res) => {
    void respond(receiver, req, res, limit);
  };
}

async function respond(
  receiver: WebhookReceiver,
  req: IncomingMessage,
  res: ServerResponse,
  limit: number,
): Promise<void> {
  const body = await readNodeBody(req, limit);
  const response =
    body === 'too_large'
      ? receiverError(413, 'RCV_BODY_TOO_LARGE')
      : body === 'unreadable'
        ? receiverError(400, 'RCV_BODY_UNREADABLE')
        : await receiver.handle({ body, headers: req.headers });
  sendNodeResponse(res, response);
}

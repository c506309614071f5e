import type { ServerResponse } from 'node:http';
import type { WebhookResponse } from '../receiver/receiver-types.js';

/** Writes a receiver reply to a node:http (or Express) response. */
export function sendNodeResponse(res: ServerResponse, response: WebhookResponse): void {
  if (res.headersSent) return;
  res.writeHead(response.status, response.headers).end(response.body);
}

import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { verifyWebhook, WebhookVerificationError } from '@switchboard/webhooks';

/** One webhook as the receiver saw it. */
export interface Arrival {
  readonly path: string;
  /** `data.id` of the envelope (read even when the signature is refused). */
  readonly eventId: string;
  readonly attempt: number;
  readonly timestamp: number;
  /** `true`, or the `@switchboard/webhooks` error code that refused it. */
  readonly verified: true | string;
  readonly at: number;
}

/**
 * A loopback receiver that checks every webhook with `verifyWebhook` from
 * `@switchboard/webhooks`, answers 200 (400 when the signature is refused, as a careful
 * receiver does) after `handlerDelayMs`, and tracks how many requests it held at once.
 */
export class ChaosReceiver {
  readonly arrivals: Arrival[] = [];
  maxInFlight = 0;
  #inFlight = 0;
  readonly #server: Server;

  private constructor(
    readonly publicKey: string,
    readonly handlerDelayMs: number,
  ) {
    this.#server = createServer((req, res) => void this.#handle(req, res));
  }

  static async start(publicKey: string, handlerDelayMs = 0): Promise<ChaosReceiver> {
    const receiver = new ChaosReceiver(publicKey, handlerDelayMs);
    receiver.#server.listen(0, '127.0.0.1');
    await once(receiver.#server, 'listening');
    return receiver;
  }

  url(path: string): string {
    return `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}${path}`;
  }

  async close(): Promise<void> {
    this.#server.closeAllConnections();
    this.#server.close();
    await once(this.#server, 'close');
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    this.#inFlight += 1;
    this.maxInFlight = Math.max(this.maxInFlight, this.#inFlight);
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const verified = await this.#verify(body, req);
    this.arrivals.push({ ...envelopeFacts(body), path: req.url ?? '', verified, ...stamp(req) });
    if (this.handlerDelayMs > 0) await new Promise((r) => setTimeout(r, this.handlerDelayMs));
    this.#inFlight -= 1;
    res.writeHead(verified === true ? 200 : 400).end();
  }

  async #verify(body: string, req: IncomingMessage): Promise<true | string> {
    try {
      await verifyWebhook({ body, headers: req.headers, publicKey: this.publicKey });
      return true;
    } catch (error) {
      if (error instanceof WebhookVerificationError) return error.code;
      throw error;
    }
  }
}

function envelopeFacts(body: string): { eventId: string; attempt: number } {
  const envelope = JSON.parse(body) as { data: { id: string }; meta: { attempt: number } };
  return { eventId: envelope.data.id, attempt: envelope.meta.attempt };
}

function stamp(req: IncomingMessage): { timestamp: number; at: number } {
  return { timestamp: Number(req.headers['telnyx-timestamp']), at: performance.now() };
}

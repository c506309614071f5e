import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyWebhook } from '@switchboard/webhooks';

/**
 * A loopback receiver that verifies every webhook with `verifyWebhook` from
 * `@switchboard/webhooks` and counts how often each event id (`data.id`) arrived. It answers
 * after `handlerDelayMs`, so tries are in flight when the sender is killed.
 */
export class RecordingReceiver {
  readonly seen = new Map<string, number>();
  rejected = 0;
  publicKey = '';
  readonly #server: Server;

  private constructor(handlerDelayMs: number) {
    this.#server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        void this.#record(Buffer.concat(chunks).toString('utf8'), req.headers).then(() =>
          setTimeout(() => res.writeHead(200).end(), handlerDelayMs),
        );
      });
    });
  }

  static async start(handlerDelayMs: number): Promise<RecordingReceiver> {
    const receiver = new RecordingReceiver(handlerDelayMs);
    receiver.#server.listen(0, '127.0.0.1');
    await once(receiver.#server, 'listening');
    return receiver;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}/hook`;
  }

  /** Event ids received more than once. */
  duplicates(): number {
    return [...this.seen.values()].filter((count) => count > 1).length;
  }

  async close(): Promise<void> {
    this.#server.closeAllConnections();
    this.#server.close();
    await once(this.#server, 'close');
  }

  async #record(
    body: string,
    headers: Record<string, string | string[] | undefined>,
  ): Promise<void> {
    try {
      const event = await verifyWebhook({ body, headers, publicKey: this.publicKey });
      const id = (event as unknown as { data: { id: string } }).data.id;
      this.seen.set(id, (this.seen.get(id) ?? 0) + 1);
    } catch {
      this.rejected += 1;
    }
  }
}

import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifySignature, verifyWebhook } from '@switchboard/core';

/** What a route answers, optionally after `delayMs`; `hang` never answers (the try must time out). */
export type Reply =
  | {
      readonly status: number;
      readonly headers?: Readonly<Record<string, string>>;
      readonly body?: string;
      readonly delayMs?: number;
    }
  | 'hang';

export interface ReceivedRequest {
  readonly method: string;
  readonly path: string;
  /** The query string without `?` ('' when none). */
  readonly query: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: string;
  /** Parsed envelope (POST) when the signature verified; null for GET. */
  readonly envelope: Record<string, unknown> | null;
}

type Route = (request: ReceivedRequest, count: number) => Reply;

/**
 * A real HTTP receiver on 127.0.0.1, port 0. Every request is checked with the core verifier
 * (`verifyWebhook` for bodies, the same signature check over the query for GET); a request that
 * fails verification is recorded in `rejected`, so tests can assert there were none.
 */
export class TestReceiver {
  readonly received: ReceivedRequest[] = [];
  readonly rejected: string[] = [];
  #open = 0;
  maxOpen = 0;
  readonly #routes = new Map<string, Route>();
  readonly #server: Server;
  readonly #publicKey: string;
  readonly #now: () => number;

  private constructor(publicKey: string, now: () => number) {
    this.#publicKey = publicKey;
    this.#now = now;
    this.#server = createServer((req, res) => {
      void this.#handle(req, res);
    });
  }

  /** `now` is the sender's clock, so timestamps from a test's manual clock verify. */
  static async start(publicKey: string, now: () => number = Date.now): Promise<TestReceiver> {
    const receiver = new TestReceiver(publicKey, now);
    receiver.#server.listen(0, '127.0.0.1');
    await once(receiver.#server, 'listening');
    return receiver;
  }

  get origin(): string {
    return `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
  }

  url(path: string): string {
    return `${this.origin}${path}`;
  }

  /** Answers `path` with `route` (given the request and how many came to this path before). */
  on(path: string, route: Route | Reply): this {
    this.#routes.set(path, typeof route === 'function' ? route : () => route);
    return this;
  }

  to(path: string): ReceivedRequest[] {
    return this.received.filter((request) => request.path === path);
  }

  async close(): Promise<void> {
    this.#server.closeAllConnections();
    this.#server.close();
    await once(this.#server, 'close');
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    this.#open += 1;
    this.maxOpen = Math.max(this.maxOpen, this.#open);
    res.on('close', () => (this.#open -= 1));
    const request = await this.#read(req);
    const count = this.to(request.path).length;
    this.received.push(request);
    const route: Route = this.#routes.get(request.path) ?? (() => ({ status: 200 }));
    const reply = route(request, count);
    if (reply === 'hang') return;
    if (reply.delayMs !== undefined)
      await new Promise((resolve) => setTimeout(resolve, reply.delayMs));
    res.writeHead(reply.status, reply.headers);
    res.end(reply.body ?? '');
  }

  async #read(req: IncomingMessage): Promise<ReceivedRequest> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const target = req.url ?? '/';
    const mark = target.indexOf('?');
    const path = mark < 0 ? target : target.slice(0, mark);
    const query = mark < 0 ? '' : target.slice(mark + 1);
    const envelope = await this.#verify(req, body, query);
    return { method: req.method ?? '', path, query, headers: req.headers, body, envelope };
  }

  async #verify(
    req: IncomingMessage,
    body: string,
    query: string,
  ): Promise<Record<string, unknown> | null> {
    const now = this.#now();
    try {
      if (req.method === 'GET') {
        await verifySignature({
          body: query,
          headers: req.headers,
          publicKey: this.#publicKey,
          now,
        });
        return null;
      }
      return (await verifyWebhook({
        body,
        headers: req.headers,
        publicKey: this.#publicKey,
        now,
      })) as unknown as Record<string, unknown>;
    } catch (error) {
      this.rejected.push(`${req.method ?? ''} ${req.url ?? ''}: ${String(error)}`);
      return null;
    }
  }
}

import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyTexmlRequest, type TexmlParams } from '@switchboard/webhooks/texml';

export interface AppRequest {
  readonly method: string;
  readonly path: string;
  readonly params: TexmlParams;
  /** True when the receiver SDK's verifier accepted the signature. */
  readonly verified: boolean;
}

export type AppReply = string | { readonly status: number; readonly body?: string };
export type Route = (params: TexmlParams) => AppReply | Promise<AppReply>;

/**
 * A TeXML app on a real socket: every request is verified with `verifyTexmlRequest` and
 * recorded; each path answers from its route (a document, or any status and body).
 */
export class TexmlApp {
  readonly requests: AppRequest[] = [];
  readonly #routes = new Map<string, Route>();
  #server: Server | null = null;
  #base = '';

  constructor(private readonly publicKey: string) {}

  async start(): Promise<this> {
    this.#server = createServer((req, res) => {
      void this.#handle(req).then((reply) => {
        const { status, body } = typeof reply === 'string' ? { status: 200, body: reply } : reply;
        res.writeHead(status, { 'content-type': 'application/xml' }).end(body ?? '');
      });
    });
    await new Promise<void>((resolve) => this.#server?.listen(0, '127.0.0.1', resolve));
    this.#base = `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
    return this;
  }

  url(path: string): string {
    return `${this.#base}${path}`;
  }

  route(path: string, route: Route | AppReply): this {
    this.#routes.set(path, typeof route === 'function' ? route : () => route);
    return this;
  }

  to(path: string): AppRequest[] {
    return this.requests.filter((request) => request.path === path);
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      if (this.#server === null) resolve();
      else
        this.#server.close(() => {
          resolve();
        });
    });
  }

  async #handle(req: IncomingMessage): Promise<AppReply> {
    // Routes may be slow on purpose (timeouts); the reply waits for them.
    const chunks: Buffer[] = [];
    for await (const chunk of req as AsyncIterable<Buffer>) chunks.push(chunk);
    const body = Buffer.concat(chunks).toString('utf8');
    const url = req.url ?? '/';
    const path = url.split('?')[0] ?? url;
    const method = req.method ?? 'POST';
    let params: TexmlParams;
    let verified = true;
    try {
      params = await verifyTexmlRequest(
        { method, url, headers: req.headers, body },
        { publicKey: this.publicKey },
      );
    } catch {
      verified = false;
      params = Object.fromEntries(
        new URLSearchParams(method === 'GET' ? url.split('?')[1] : body),
      ) as unknown as TexmlParams;
    }
    this.requests.push({ method, path, params, verified });
    const route = this.#routes.get(path);
    return route === undefined ? { status: 404 } : route(params);
  }
}

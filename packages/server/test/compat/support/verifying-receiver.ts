import {
  createServer as createHttpServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';

/** One webhook as a receiver saw it, and whether its check accepted it. */
export interface Verdict {
  readonly body: string;
  readonly headers: IncomingHttpHeaders;
  readonly accepted: boolean;
}

/** Decides whether a raw body with its headers is genuine. */
export type WebhookCheck = (body: string, headers: IncomingHttpHeaders) => Promise<boolean>;

export interface VerifyingReceiver {
  readonly url: string;
  /** The next webhook, in arrival order. */
  next(): Promise<Verdict>;
  close(): Promise<void>;
}

/**
 * A loopback webhook receiver on port 0 that runs `check` on each request and answers 200 when
 * it passes and 401 otherwise, as a verifying app does. With `tls`, it serves HTTPS.
 */
export async function startVerifyingReceiver(
  check: WebhookCheck,
  tls?: { readonly cert: string; readonly key: string },
): Promise<VerifyingReceiver> {
  const verdicts = new VerdictQueue();
  const handler = handlerFor(check, verdicts);
  const server = tls === undefined ? createHttpServer(handler) : createHttpsServer(tls, handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const scheme = tls === undefined ? 'http' : 'https';
  return {
    url: `${scheme}://127.0.0.1:${port}/webhooks`,
    next: () => verdicts.next(),
    close: () => closeServer(server),
  };
}

function handlerFor(check: WebhookCheck, verdicts: VerdictQueue) {
  return (request: IncomingMessage, response: ServerResponse): void => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      void check(body, request.headers).then((accepted) => {
        verdicts.push({ body, headers: request.headers, accepted });
        response.writeHead(accepted ? 200 : 401).end();
      });
    });
  };
}

class VerdictQueue {
  readonly #ready: Verdict[] = [];
  readonly #waiting: ((verdict: Verdict) => void)[] = [];

  push(verdict: Verdict): void {
    const waiter = this.#waiting.shift();
    if (waiter === undefined) this.#ready.push(verdict);
    else waiter(verdict);
  }

  next(): Promise<Verdict> {
    const ready = this.#ready.shift();
    if (ready !== undefined) return Promise.resolve(ready);
    return new Promise((resolve) => this.#waiting.push(resolve));
  }
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => {
      resolve();
    });
    server.closeAllConnections();
  });
}

import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the fake server received, its body parsed. */
export interface ReceivedBatch {
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly raw: string;
  readonly events: Record<string, unknown>[];
}

/** Answers one request; return nothing to answer as Switchboard would (202, one item per event). */
export type Answer = (batch: ReceivedBatch, response: ServerResponse) => boolean | undefined;

/**
 * A stand-in for `POST /switchboard/events/batch` on port 0: it records every request and
 * answers from a script of answers, then as Switchboard does (ids seen before are duplicates).
 */
export async function fakeSwitchboard(script: Answer[] = []) {
  const batches: ReceivedBatch[] = [];
  const seen = new Set<unknown>();
  const server = createServer((request, response) => {
    let raw = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (raw += chunk));
    request.on('end', () => {
      const events = (JSON.parse(raw) as { data: Record<string, unknown>[] }).data;
      const batch = { url: request.url ?? '', headers: request.headers, raw, events };
      batches.push(batch);
      const answer = script.shift();
      if (answer?.(batch, response) === true) return;
      const data = events.map((event) => {
        const duplicate = seen.has(event['id']);
        seen.add(event['id']);
        return duplicate
          ? { id: event['id'], duplicate }
          : { id: event['id'], duplicate, webhook_delivery_id: `d-${String(event['id'])}` };
      });
      response.writeHead(202, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ data }));
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    batches,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}

/** An answer with this status and body (and headers). */
export function reply(status: number, body: unknown, headers: Record<string, string> = {}): Answer {
  return (_batch, response) => {
    response.writeHead(status, { 'content-type': 'application/json', ...headers });
    response.end(JSON.stringify(body));
    return true;
  };
}

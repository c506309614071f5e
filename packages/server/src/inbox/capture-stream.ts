import type { ServerResponse } from 'node:http';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { queryParams, type QueryParams } from '../api/query-params.js';
import type { RouteContext } from '../api/routes/route-context.js';
import { fail, ok, valueOrThrow, type Checked } from '../api/validation/checked.js';
import { invalidIssue } from '../api/validation/issues.js';
import { NotFoundError } from '../errors/api-error.js';
import type { CaptureStreamFilter } from '../storage/inbox-store.js';
import { splitList } from '../api/validation/query-filters.js';
import { captureView } from './capture-view.js';
import type { InboxContext } from './inbox-context.js';
import { INBOX_KIND } from './inbox-record.js';
import { StreamPump, type StreamRequest } from './stream-pump.js';

/**
 * `GET /switchboard/inboxes/stream?inbox=ID&cursor=N&events=a,b`: Server-Sent Events. Each
 * capture after the cursor is one `capture` event whose `id:` is its sequence, oldest first,
 * then live ones. `Last-Event-ID` (a reconnecting EventSource) wins over `cursor`; with neither,
 * the stream starts at the newest capture. While it is open, relay inboxes count it as their
 * listener.
 */
export function registerCaptureStream(
  app: FastifyInstance,
  ctx: RouteContext,
  inbox: InboxContext,
): void {
  app.get('/switchboard/inboxes/stream', async (request, reply) => {
    const accountId = ctx.auth.accountOf(request).id;
    const params = queryParams(request.query);
    const filter = await streamFilter(inbox, accountId, params);
    const cursor = valueOrThrow(readCursor(lastEventId(request) ?? params.get('cursor')));
    const start = cursor ?? (await inbox.store.inboxes.lastCaptureSequence(accountId));
    openStream(inbox, reply, { accountId, cursor: start, filter });
  });
}

async function streamFilter(
  inbox: InboxContext,
  accountId: string,
  params: QueryParams,
): Promise<CaptureStreamFilter> {
  const inboxId = params.get('inbox');
  const events = params.get('events');
  const eventTypes = events === undefined ? undefined : splitList(events);
  if (inboxId !== undefined && inboxId !== '') {
    if ((await inbox.store.getResource(accountId, INBOX_KIND, inboxId)) === null) {
      throw new NotFoundError('Inbox not found.');
    }
    return eventTypes === undefined ? { inboxId } : { inboxId, eventTypes };
  }
  return eventTypes === undefined ? {} : { eventTypes };
}

function lastEventId(request: FastifyRequest): string | undefined {
  const header = request.headers['last-event-id'];
  return typeof header === 'string' ? header : undefined;
}

function readCursor(text: string | undefined): Checked<number | null> {
  if (text === undefined || text === '') return ok(null);
  if (!/^\d{1,15}$/.test(text)) {
    return fail(invalidIssue({ parameter: 'cursor' }, 'a capture sequence number (0 or more)'));
  }
  return ok(Number(text));
}

function openStream(inbox: InboxContext, reply: FastifyReply, stream: StreamRequest): void {
  void reply.hijack();
  const raw = reply.raw;
  raw.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  // A HEAD has its answer in the headers; a stream no one can read would stay open for good.
  if (reply.request.method === 'HEAD') {
    raw.end();
    return;
  }
  raw.write(`event: ready\ndata: ${JSON.stringify({ cursor: stream.cursor })}\n\n`);
  const pump = new StreamPump(
    inbox,
    stream,
    (capture) => sseEvent(raw, capture.sequence, captureView(capture)),
    () => raw.write(': ping\n\n'),
  );
  const close = (): void => {
    pump.stop();
    inbox.streams.delete(shutdown);
    raw.end();
  };
  // A stopping server cannot wait for the client to hang up: the socket goes once flushed.
  const shutdown = (): void => {
    close();
    raw.socket?.destroySoon();
  };
  inbox.streams.add(shutdown);
  raw.on('close', close);
  pump.run().catch((error: unknown) => {
    reply.log.error({ err: error }, 'capture stream failed');
    close();
  });
}

/** Writes one event; resolves once the socket can take more, so a slow reader is not flooded. */
function sseEvent(raw: ServerResponse, id: number, data: unknown): Promise<void> {
  const flushed = raw.write(`id: ${id}\nevent: capture\ndata: ${JSON.stringify(data)}\n\n`);
  if (flushed || raw.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    const done = (): void => {
      raw.off('drain', done);
      raw.off('close', done);
      resolve();
    };
    raw.on('drain', done);
    raw.on('close', done);
  });
}

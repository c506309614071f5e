import type { ServerResponse } from 'node:http';
import { CaptureStreamQuery, ErrorEnvelope } from '@switchboard/core/contract';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { listOf } from '../http/api/query-values.js';
import type { RouteContext } from '../http/api/routes/route-context.js';
import { NotFoundError, ValidationError } from '../support/errors/api-error.js';
import { typed } from '../http/typed-app.js';
import { invalidIssue } from '../http/validation/issues.js';
import type { CaptureStreamFilter } from '../storage/inbox-store.js';
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
  typed(app).get(
    '/switchboard/inboxes/stream',
    {
      schema: {
        summary: 'Stream captures as Server-Sent Events (switchboard listen)',
        description:
          'Each capture after the cursor is one `capture` event whose `id:` is its sequence. ' +
          '`Last-Event-ID` wins over `cursor`; with neither, the stream starts at the newest capture.',
        tags: ['inboxes'],
        querystring: CaptureStreamQuery,
        response: {
          200: {
            description: 'A text/event-stream of `ready`, then `capture` events',
            content: { 'text/event-stream': { schema: { type: 'string' } } },
          },
          '4xx': ErrorEnvelope,
        },
      },
    },
    async (request, reply) => {
      const accountId = ctx.auth.accountOf(request).id;
      const filter = await streamFilter(inbox, accountId, request.query);
      const cursor = lastEventId(request) ?? request.query.cursor;
      const start = cursor ?? (await inbox.store.inboxes.lastCaptureSequence(accountId));
      openStream(inbox, reply, { accountId, cursor: start, filter });
    },
  );
}

async function streamFilter(
  inbox: InboxContext,
  accountId: string,
  query: CaptureStreamQuery,
): Promise<CaptureStreamFilter> {
  const inboxId = query.inbox;
  const eventTypes = query.events === undefined ? undefined : listOf(query.events);
  if (inboxId !== undefined) {
    if ((await inbox.store.getResource(accountId, INBOX_KIND, inboxId)) === null) {
      throw new NotFoundError('Inbox not found.');
    }
    return eventTypes === undefined ? { inboxId } : { inboxId, eventTypes };
  }
  return eventTypes === undefined ? {} : { eventTypes };
}

/** The `Last-Event-ID` of a reconnecting EventSource: a capture sequence, read as `cursor` is. */
function lastEventId(request: FastifyRequest): number | undefined {
  const header = request.headers['last-event-id'];
  if (typeof header !== 'string' || header === '') return undefined;
  if (/^\d{1,15}$/.test(header)) return Number(header);
  throw new ValidationError([
    invalidIssue({ parameter: 'cursor' }, 'a capture sequence number (0 or more)'),
  ]);
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

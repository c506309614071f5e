import { NonJsonResponse } from '@switchboard/core/contract';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import Type, { type TSchema } from 'typebox';
import { pathId } from '../http/api/path-param.js';
import { typed } from '../http/typed-app.js';
import { NotFoundError, PayloadTooLargeError } from '../support/errors/api-error.js';
import type { Capture, ForwardAttempt } from '../storage/inbox-store.js';
import { captureOf, eventTypeOf, headerPairs, rawBody } from './capture-request.js';
import { captureVerification } from './capture-verification.js';
import type { InboxContext } from './inbox-context.js';
import {
  InboxRateLimitedError,
  NoListenerError,
  RelayFailedError,
  RelayTimeoutError,
} from './inbox-errors.js';
import { toInbox, type Inbox } from './inbox-record.js';

/** How far past the limit a body is still read, so its sender gets the 413 rather than a reset. */
const DRAIN_FACTOR = 8;

/** How long a sender should wait before retrying a relay inbox that has no listener. */
const NO_LISTENER_RETRY_SECS = 5;

/**
 * `ANY /switchboard/inbox/{token}` and every path under it, without authentication (Telnyx sends
 * none). Registered in its own scope whose one body parser takes every content type as raw
 * bytes, so JSON, forms and binary are stored exactly as sent.
 */
export function registerCaptureRoutes(app: FastifyInstance, ctx: InboxContext): void {
  app.addHook('preClose', (done) => {
    for (const close of [...ctx.streams]) close();
    ctx.hub.releaseAll();
    done();
  });
  void app.register((scope, _options, done) => {
    scope.removeAllContentTypeParsers();
    // Reads (and drops) bodies up to a few times the limit before answering 413: a sender still
    // writing when the server answers and closes would see a broken pipe, not the 413.
    scope.addContentTypeParser(
      '*',
      { parseAs: 'buffer', bodyLimit: ctx.bodyLimit * DRAIN_FACTOR },
      (_request, body, parsed) => {
        if (body.length > ctx.bodyLimit) parsed(new PayloadTooLargeError(ctx.bodyLimit));
        else parsed(null, body);
      },
    );
    const api = typed(scope);
    api.all(
      '/switchboard/inbox/:token',
      { schema: captureSchema(Type.Object({ token: Type.String() })) },
      async (request, reply) => {
        await capture(ctx, request, request.params.token, reply);
      },
    );
    api.all(
      '/switchboard/inbox/:token/*',
      { schema: captureSchema(Type.Object({ token: Type.String(), '*': Type.String() })) },
      async (request, reply) => {
        await capture(ctx, request, request.params.token, reply);
      },
    );
    done();
  });
}

const RELAYED =
  "A relay inbox's local app answer, as it came; else Switchboard's refusal in the Telnyx envelope";

/**
 * The capture URL's declaration. Its answers are whatever the inbox gives (a relay inbox
 * passes on the local app's status and body), so no JSON shape is declared for them.
 */
function captureSchema<P extends TSchema>(params: P) {
  return {
    summary: 'Capture any request sent to an inbox URL (no auth: Telnyx sends none)',
    tags: ['inboxes'],
    params,
    response: {
      200: NonJsonResponse(
        'Immediate inboxes: `{"data":{"capture_id":…}}`; relay inboxes: what the local app answered',
        'application/json',
      ),
      '4xx': { description: RELAYED },
      '5xx': { description: RELAYED },
    },
  };
}

async function capture(
  ctx: InboxContext,
  request: FastifyRequest,
  token: string,
  reply: FastifyReply,
): Promise<FastifyReply> {
  const inbox = await inboxOf(ctx, pathId(token));
  admit(ctx, inbox, request, reply);
  const stored = await store(ctx, inbox, request);
  if (inbox.respond === 'immediate') {
    ctx.hub.notify(inbox.accountId);
    return reply.status(200).send({ data: { capture_id: stored.id } });
  }
  // Waiting starts before the listener can hear of the capture, so no report is missed.
  const outcome = ctx.hub.awaitReport(stored.id, inbox.relayTimeoutSecs * 1000);
  ctx.hub.notify(inbox.accountId);
  const result = await outcome;
  if (result.kind === 'timeout') throw new RelayTimeoutError(inbox.relayTimeoutSecs);
  if (result.kind === 'closing') {
    // The sender retries later; the connection must not keep the stopping server open.
    reply.header('connection', 'close').header('retry-after', String(NO_LISTENER_RETRY_SECS));
    throw new NoListenerError(NO_LISTENER_RETRY_SECS);
  }
  return relayed(reply, result.attempt);
}

async function inboxOf(ctx: InboxContext, token: string): Promise<Inbox> {
  const resource = await ctx.store.inboxes.findInboxByToken(token);
  if (resource === null) throw new NotFoundError('No inbox has this URL.');
  return toInbox(resource);
}

/** Refusals come before storage: a refused request is not an accepted capture. */
function admit(
  ctx: InboxContext,
  inbox: Inbox,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  const rate = ctx.limiter.take(inbox.id, inbox.rateLimitPerMinute);
  if (!rate.allowed) {
    reply.header('retry-after', String(rate.retryAfterSecs));
    throw new InboxRateLimitedError(rate.retryAfterSecs);
  }
  if (inbox.respond === 'relay') {
    const eventType = eventTypeOf(rawBody(request.body));
    if (!ctx.hub.hasListener(inbox.accountId, inbox.id, eventType)) {
      reply.header('retry-after', String(NO_LISTENER_RETRY_SECS));
      throw new NoListenerError(NO_LISTENER_RETRY_SECS);
    }
  }
}

async function store(ctx: InboxContext, inbox: Inbox, request: FastifyRequest): Promise<Capture> {
  const receivedAt = ctx.now();
  const headers = headerPairs(request.raw.rawHeaders);
  const verification = await captureVerification(
    inbox.telnyxPublicKey,
    rawBody(request.body),
    headers,
    receivedAt,
  );
  const origin = { id: ctx.newId(), inbox, receivedAt, verification };
  const capture = await ctx.store.inboxes.insertCapture(captureOf(request, origin));
  ctx.onCaptured();
  return capture;
}

/** Answers the sender as the local app answered the listener. */
function relayed(reply: FastifyReply, attempt: ForwardAttempt): FastifyReply {
  if (attempt.status === null) throw new RelayFailedError(attempt.error ?? 'no response');
  const type = attempt.headers.find(([name]) => name.toLowerCase() === 'content-type')?.[1];
  if (type !== undefined) reply.header('content-type', type);
  return reply.status(attempt.status).send(attempt.body);
}

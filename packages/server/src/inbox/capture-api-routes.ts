import {
  CaptureList,
  CaptureListQuery,
  CaptureResponse,
  ErrorEnvelope,
  ForwardAttemptResponse,
  IdParams,
  ReportForwardAttempt,
} from '@switchboard/core/contract';
import type { FastifyInstance } from 'fastify';
import { pageMeta, pageOf } from '../http/page-query.js';
import { pathId } from '../http/api/path-param.js';
import { epochOf, listOf } from '../http/api/query-values.js';
import type { RouteContext } from '../http/api/routes/route-context.js';
import { capHeaderPairs, capText } from '../engine/delivery/capped-text.js';
import { NotFoundError } from '../support/errors/api-error.js';
import { typed } from '../http/typed-app.js';
import type { Capture, CaptureFilter, ForwardAttempt } from '../storage/inbox-store.js';
import { captureView, forwardAttemptView } from './capture-view.js';
import type { InboxContext } from './inbox-context.js';
import { INBOX_KIND } from './inbox-record.js';

const TAGS = ['inboxes'];

/** Capture listing and reading, and the listener's reports of local responses. */
export function registerCaptureApiRoutes(
  app: FastifyInstance,
  ctx: RouteContext,
  inbox: InboxContext,
): void {
  const api = typed(app);
  api.get(
    '/switchboard/inboxes/:id/captures',
    {
      schema: {
        summary: "List an inbox's captures, newest first",
        tags: TAGS,
        params: IdParams,
        querystring: CaptureListQuery,
        response: { 200: CaptureList, '4xx': ErrorEnvelope },
      },
    },
    async (request) => {
      const accountId = ctx.auth.accountOf(request).id;
      const id = pathId(request.params.id);
      const found = await inbox.store.getResource(accountId, INBOX_KIND, id);
      if (found === null) throw new NotFoundError('Inbox not found.');
      const page = pageOf(request.query);
      const filter = captureFilter(request.query, found.id);
      const result = await inbox.store.inboxes.listCaptures(accountId, filter, page);
      return { data: result.rows.map(captureView), meta: pageMeta(page, result.total) };
    },
  );

  api.get(
    '/switchboard/captures/:id',
    {
      schema: {
        summary: 'Show one capture with its forward attempts',
        tags: TAGS,
        params: IdParams,
        response: { 200: CaptureResponse, '4xx': ErrorEnvelope },
      },
    },
    async (request) => ({
      data: captureView(await owned(inbox, request.params.id, ctx.auth.accountOf(request).id)),
    }),
  );

  api.post(
    '/switchboard/captures/:id/forward_attempts',
    {
      schema: {
        summary: "Report the local app's answer to a capture (switchboard listen)",
        tags: TAGS,
        params: IdParams,
        body: ReportForwardAttempt,
        response: { 201: ForwardAttemptResponse, '4xx': ErrorEnvelope },
      },
    },
    async (request, reply) => {
      const accountId = ctx.auth.accountOf(request).id;
      const capture = await owned(inbox, request.params.id, accountId);
      const attempt = forwardAttempt(inbox, request.body);
      await inbox.store.inboxes.addForwardAttempt(capture.accountId, capture.id, attempt);
      inbox.hub.report(capture.id, attempt);
      return reply.status(201).send({ data: forwardAttemptView(attempt) });
    },
  );
}

/** The store filter of a declared capture list query. */
function captureFilter(query: CaptureListQuery, inboxId: string): CaptureFilter {
  const eventTypes = query['filter[event_type]'];
  const verified = query['filter[verified]'];
  return {
    inboxId,
    ...(eventTypes === undefined ? {} : { eventTypes: listOf(eventTypes) }),
    ...(verified === undefined ? {} : { verified: verified === 'true' }),
    ...epochOf('receivedGte', query['filter[received_at][gte]']),
    ...epochOf('receivedLte', query['filter[received_at][lte]']),
  };
}

/** A declared report, its sizes capped as attempts are. */
function forwardAttempt(inbox: InboxContext, input: ReportForwardAttempt): ForwardAttempt {
  return {
    id: inbox.newId(),
    url: input.url,
    status: input.status ?? null,
    headers: capHeaderPairs(input.headers ?? []),
    body: capText(input.body ?? ''),
    latencyMs: input.latency_ms ?? 0,
    error: input.error ?? null,
    final: input.final ?? true,
    reportedAt: inbox.now(),
  };
}

async function owned(inbox: InboxContext, param: string, accountId: string): Promise<Capture> {
  const capture = await inbox.store.inboxes.getCapture(accountId, pathId(param));
  if (capture === null) throw new NotFoundError('Capture not found.');
  return capture;
}

import type { FastifyInstance, FastifyRequest } from 'fastify';
import { capHeaderPairs, capText } from '../delivery/capped-text.js';
import { pageMeta, parsePage } from '../api/pagination.js';
import { queryParams } from '../api/query-params.js';
import { pathParam } from '../api/path-param.js';
import type { RouteContext } from '../api/routes/route-context.js';
import { valueOrThrow } from '../api/validation/checked.js';
import { checkObject } from '../api/validation/object-spec.js';
import { NotFoundError } from '../errors/api-error.js';
import type { Capture, ForwardAttempt } from '../storage/inbox-store.js';
import type { JsonObject } from '../storage/store.js';
import { parseCaptureFilter } from './capture-query.js';
import { captureView, forwardAttemptView } from './capture-view.js';
import { FORWARD_ATTEMPT_SPEC } from './forward-attempt-spec.js';
import type { InboxContext } from './inbox-context.js';
import { INBOX_KIND } from './inbox-record.js';

/** Capture listing and reading, and the listener's reports of local responses. */
export function registerCaptureApiRoutes(
  app: FastifyInstance,
  ctx: RouteContext,
  inbox: InboxContext,
): void {
  app.get('/switchboard/inboxes/:id/captures', async (request) => {
    const accountId = ctx.auth.accountOf(request).id;
    const found = await inbox.store.getResource(accountId, INBOX_KIND, pathParam(request, 'id'));
    if (found === null) throw new NotFoundError('Inbox not found.');
    const params = queryParams(request.query);
    const page = valueOrThrow(parsePage(params));
    const filter = valueOrThrow(parseCaptureFilter(params, found.id));
    const result = await inbox.store.inboxes.listCaptures(accountId, filter, page);
    return { data: result.rows.map(captureView), meta: pageMeta(page, result.total) };
  });

  app.get('/switchboard/captures/:id', async (request) => ({
    data: captureView(await owned(ctx, inbox, request)),
  }));

  app.post('/switchboard/captures/:id/forward_attempts', async (request, reply) => {
    const capture = await owned(ctx, inbox, request);
    const input = valueOrThrow(checkObject(FORWARD_ATTEMPT_SPEC, request.body, 'create'));
    const attempt = forwardAttempt(inbox, input);
    await inbox.store.inboxes.addForwardAttempt(capture.accountId, capture.id, attempt);
    inbox.hub.report(capture.id, attempt);
    return reply.status(201).send({ data: forwardAttemptView(attempt) });
  });
}

/** Fields were checked against {@link FORWARD_ATTEMPT_SPEC}; sizes are capped as attempts are. */
function forwardAttempt(inbox: InboxContext, input: JsonObject): ForwardAttempt {
  return {
    id: inbox.newId(),
    url: input['url'] as string,
    status: input['status'] as number | null,
    headers: capHeaderPairs(input['headers'] as [string, string][]),
    body: capText(input['body'] as string),
    latencyMs: input['latency_ms'] as number,
    error: input['error'] as string | null,
    final: input['final'] as boolean,
    reportedAt: inbox.now(),
  };
}

async function owned(
  ctx: RouteContext,
  inbox: InboxContext,
  request: FastifyRequest,
): Promise<Capture> {
  const accountId = ctx.auth.accountOf(request).id;
  const capture = await inbox.store.inboxes.getCapture(accountId, pathParam(request, 'id'));
  if (capture === null) throw new NotFoundError('Capture not found.');
  return capture;
}

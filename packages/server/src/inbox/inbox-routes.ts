import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { RouteRegistrar } from '../api/create-app.js';
import { pageMeta, parsePage, slicePage } from '../api/pagination.js';
import { queryParams } from '../api/query-params.js';
import { pathParam } from '../api/path-param.js';
import type { RouteContext } from '../api/routes/route-context.js';
import { valueOrThrow } from '../api/validation/checked.js';
import { checkObject, mergePatch } from '../api/validation/object-spec.js';
import { NotFoundError } from '../errors/api-error.js';
import type { Resource } from '../storage/store.js';
import { registerCaptureApiRoutes } from './capture-api-routes.js';
import { registerCaptureStream } from './capture-stream.js';
import type { InboxContext } from './inbox-context.js';
import { INBOX_KIND, inboxView, toInbox } from './inbox-record.js';
import { INBOX_SPEC } from './inbox-spec.js';
import { newInboxToken } from './inbox-token.js';
import { registerSignRoute } from './sign-route.js';

/**
 * The authenticated inbox API: inbox CRUD, captures, forward attempts, the listen stream and
 * signing for `listen --resign`.
 */
export function inboxRoutes(inbox: InboxContext): RouteRegistrar {
  return (app, ctx) => {
    registerCaptureStream(app, ctx, inbox);
    registerInboxCrud(app, ctx, inbox);
    registerCaptureApiRoutes(app, ctx, inbox);
    registerSignRoute(app, ctx);
  };
}

function registerInboxCrud(app: FastifyInstance, ctx: RouteContext, inbox: InboxContext): void {
  app.post('/switchboard/inboxes', async (request, reply) => {
    const data = valueOrThrow(checkObject(INBOX_SPEC, request.body ?? {}, 'create'));
    const now = inbox.now();
    const resource: Resource = {
      accountId: ctx.auth.accountOf(request).id,
      kind: INBOX_KIND,
      id: inbox.newId(),
      data: { ...data, token: newInboxToken(inbox.random) },
      createdAt: now,
      updatedAt: now,
    };
    await inbox.store.putResource(resource);
    return reply.status(201).send({ data: view(inbox, resource) });
  });

  app.get('/switchboard/inboxes', async (request) => {
    const page = valueOrThrow(parsePage(queryParams(request.query)));
    const all = await inbox.store.listResources(ctx.auth.accountOf(request).id, INBOX_KIND);
    const data = slicePage(all, page).map((resource) => view(inbox, resource));
    return { data, meta: pageMeta(page, all.length) };
  });

  app.get('/switchboard/inboxes/:id', async (request) => ({
    data: view(inbox, await owned(ctx, inbox, request)),
  }));

  app.patch('/switchboard/inboxes/:id', async (request) => {
    const current = await owned(ctx, inbox, request);
    const patch = valueOrThrow(checkObject(INBOX_SPEC, request.body ?? {}, 'patch'));
    const data = {
      ...mergePatch(INBOX_SPEC, current.data, patch),
      token: current.data['token'] ?? null,
    };
    const updated = { ...current, data, updatedAt: inbox.now() };
    await inbox.store.putResource(updated);
    return { data: view(inbox, updated) };
  });

  app.delete('/switchboard/inboxes/:id', async (request) => {
    const current = await owned(ctx, inbox, request);
    await inbox.store.deleteResource(current.accountId, INBOX_KIND, current.id);
    return { data: view(inbox, current) };
  });
}

function view(inbox: InboxContext, resource: Resource) {
  return inboxView(toInbox(resource), inbox.baseUrl());
}

async function owned(
  ctx: RouteContext,
  inbox: InboxContext,
  request: FastifyRequest,
): Promise<Resource> {
  const accountId = ctx.auth.accountOf(request).id;
  const resource = await inbox.store.getResource(accountId, INBOX_KIND, pathParam(request, 'id'));
  if (resource === null) throw new NotFoundError('Inbox not found.');
  return resource;
}

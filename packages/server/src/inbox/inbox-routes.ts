import {
  CreateInbox,
  ErrorEnvelope,
  IdParams,
  InboxList,
  InboxResponse,
  PageQuery,
  UpdateInbox,
} from '@switchboard/core/contract';
import type { FastifyInstance } from 'fastify';
import type { RouteRegistrar } from '../http/api/create-app.js';
import { pageMeta, pageOf, slicePage } from '../http/page-query.js';
import { pathId } from '../http/api/path-param.js';
import type { RouteContext } from '../http/api/routes/route-context.js';
import { NotFoundError } from '../support/errors/api-error.js';
import { typed } from '../http/typed-app.js';
import type { Resource } from '../storage/store.js';
import { registerCaptureApiRoutes } from './capture-api-routes.js';
import { registerCaptureStream } from './capture-stream.js';
import type { InboxContext } from './inbox-context.js';
import { INBOX_KIND, inboxView, toInbox } from './inbox-record.js';
import { newInboxToken } from './inbox-token.js';
import { registerSignRoute } from './sign-route.js';

const TAGS = ['inboxes'];

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
  const api = typed(app);
  const one = { 200: InboxResponse, '4xx': ErrorEnvelope };

  api.post(
    '/switchboard/inboxes',
    {
      schema: {
        summary: 'Create an inbox: a public URL that captures whatever is sent to it',
        tags: TAGS,
        body: CreateInbox,
        response: { 201: InboxResponse, '4xx': ErrorEnvelope },
      },
    },
    async (request, reply) => {
      const now = inbox.now();
      const resource: Resource = {
        accountId: ctx.auth.accountOf(request).id,
        kind: INBOX_KIND,
        id: inbox.newId(),
        data: { ...request.body, token: newInboxToken(inbox.random) },
        createdAt: now,
        updatedAt: now,
      };
      const data = view(inbox, resource);
      await inbox.store.putResource(resource);
      return reply.status(201).send({ data });
    },
  );

  api.get(
    '/switchboard/inboxes',
    {
      schema: {
        summary: 'List inboxes',
        tags: TAGS,
        querystring: PageQuery,
        response: { 200: InboxList, '4xx': ErrorEnvelope },
      },
    },
    async (request) => {
      const page = pageOf(request.query);
      const all = await inbox.store.listResources(ctx.auth.accountOf(request).id, INBOX_KIND);
      const data = slicePage(all, page).map((resource) => view(inbox, resource));
      return { data, meta: pageMeta(page, all.length) };
    },
  );

  api.get(
    '/switchboard/inboxes/:id',
    { schema: { summary: 'Show an inbox', tags: TAGS, params: IdParams, response: one } },
    async (request) => ({
      data: view(inbox, await owned(inbox, request.params.id, ctx.auth.accountOf(request).id)),
    }),
  );

  api.patch(
    '/switchboard/inboxes/:id',
    {
      schema: {
        summary: "Change an inbox's settings (its URL stays)",
        tags: TAGS,
        params: IdParams,
        body: UpdateInbox,
        response: one,
      },
    },
    async (request) => {
      const accountId = ctx.auth.accountOf(request).id;
      const current = await owned(inbox, request.params.id, accountId);
      const stored = toInbox(current);
      const data = { ...current.data, ...request.body, token: stored.token };
      const updated = { ...current, data, updatedAt: inbox.now() };
      const shown = view(inbox, updated);
      await inbox.store.putResource(updated);
      return { data: shown };
    },
  );

  api.delete(
    '/switchboard/inboxes/:id',
    { schema: { summary: 'Delete an inbox', tags: TAGS, params: IdParams, response: one } },
    async (request) => {
      const current = await owned(inbox, request.params.id, ctx.auth.accountOf(request).id);
      await inbox.store.deleteResource(current.accountId, INBOX_KIND, current.id);
      return { data: view(inbox, current) };
    },
  );
}

function view(inbox: InboxContext, resource: Resource) {
  return inboxView(toInbox(resource), inbox.baseUrl());
}

async function owned(inbox: InboxContext, param: string, accountId: string): Promise<Resource> {
  const resource = await inbox.store.getResource(accountId, INBOX_KIND, pathId(param));
  if (resource === null) throw new NotFoundError('Inbox not found.');
  return resource;
}

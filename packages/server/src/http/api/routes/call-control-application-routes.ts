import {
  CallControlApplicationList,
  CallControlApplicationListQuery,
  CallControlApplicationResponse,
  CreateCallControlApplication,
  ErrorEnvelope,
  IdParams,
  UpdateCallControlApplication,
} from '@switchboard/core/contract';
import type { FastifyInstance } from 'fastify';
import { NotFoundError } from '../../../support/errors/api-error.js';
import { typed } from '../../typed-app.js';
import type { Resource } from '../../../storage/store.js';
import { applicationOf, mergePatch } from '../call-control-applications/application-document.js';
import {
  newApplication,
  updatedApplication,
} from '../call-control-applications/application-record.js';
import { CALL_CONTROL_APPLICATION_KIND as KIND } from '../../../storage/resource-kinds.js';
import { selectApplications } from '../call-control-applications/list-applications.js';
import { isNumericId, numericId } from '../call-control-applications/numeric-id.js';
import { pageMeta, pageOf, slicePage } from '../../page-query.js';
import { pathId } from '../path-param.js';
import type { RouteContext } from './route-context.js';

const BASE = '/v2/call_control_applications';
const TAGS = ['call control applications'];

/** `GET/POST /v2/call_control_applications` and `GET/PATCH/DELETE …/{id}`. */
export function registerCallControlApplicationRoutes(
  app: FastifyInstance,
  ctx: RouteContext,
): void {
  const api = typed(app);
  const one = { 200: CallControlApplicationResponse, '4xx': ErrorEnvelope };

  api.get(
    BASE,
    {
      schema: {
        summary: 'List call control applications',
        tags: TAGS,
        querystring: CallControlApplicationListQuery,
        response: { 200: CallControlApplicationList, '4xx': ErrorEnvelope },
      },
    },
    async (request) => {
      const page = pageOf(request.query);
      const all = await ctx.store.listResources(ctx.auth.accountOf(request).id, KIND);
      const selected = selectApplications(all, request.query);
      return { data: [...slicePage(selected, page)], meta: pageMeta(page, selected.length) };
    },
  );

  api.post(
    BASE,
    {
      schema: {
        summary: 'Create a call control application',
        tags: TAGS,
        body: CreateCallControlApplication,
        response: { 201: CallControlApplicationResponse, '4xx': ErrorEnvelope },
      },
    },
    async (request, reply) => {
      const accountId = ctx.auth.accountOf(request).id;
      const resource = newApplication(accountId, numericId(), request.body, ctx.now());
      const data = applicationOf(resource);
      await ctx.store.putResource(resource);
      return reply.status(201).send({ data });
    },
  );

  api.get(
    `${BASE}/:id`,
    {
      schema: {
        summary: 'Show a call control application',
        tags: TAGS,
        params: IdParams,
        response: one,
      },
    },
    async (request) => ({
      data: applicationOf(await owned(ctx, request.params.id, ctx.auth.accountOf(request).id)),
    }),
  );

  api.patch(
    `${BASE}/:id`,
    {
      schema: {
        summary: 'Update a call control application',
        tags: TAGS,
        params: IdParams,
        body: UpdateCallControlApplication,
        response: one,
      },
    },
    async (request) => {
      const current = await owned(ctx, request.params.id, ctx.auth.accountOf(request).id);
      const merged = mergePatch(applicationOf(current), request.body);
      const next = updatedApplication(current, merged, ctx.now());
      const data = applicationOf(next);
      await ctx.store.putResource(next);
      return { data };
    },
  );

  api.delete(
    `${BASE}/:id`,
    {
      schema: {
        summary: 'Delete a call control application',
        tags: TAGS,
        params: IdParams,
        response: one,
      },
    },
    async (request) => {
      const current = await owned(ctx, request.params.id, ctx.auth.accountOf(request).id);
      await ctx.store.deleteResource(current.accountId, KIND, current.id);
      return { data: applicationOf(current) };
    },
  );
}

/** The caller's application named in the path, or 404 (other accounts' ids included). */
async function owned(ctx: RouteContext, param: string, accountId: string): Promise<Resource> {
  const id = pathId(param);
  const resource = isNumericId(id) ? await ctx.store.getResource(accountId, KIND, id) : null;
  if (resource === null) throw new NotFoundError('Call control application not found.');
  return resource;
}

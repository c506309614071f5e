import type { FastifyInstance, FastifyRequest } from 'fastify';
import { NotFoundError } from '../../errors/api-error.js';
import type { Resource } from '../../storage/store.js';
import {
  newApplication,
  updatedApplication,
} from '../call-control-applications/application-record.js';
import {
  CALL_CONTROL_APPLICATION_KIND as KIND,
  CALL_CONTROL_APPLICATION_SPEC as SPEC,
} from '../call-control-applications/call-control-application-spec.js';
import {
  parseApplicationQuery,
  selectApplications,
} from '../call-control-applications/list-applications.js';
import { isNumericId, numericId } from '../call-control-applications/numeric-id.js';
import { pageMeta, parsePage, slicePage } from '../pagination.js';
import { queryParams } from '../query-params.js';
import { valueOrThrow } from '../validation/checked.js';
import { checkObject, mergePatch } from '../validation/object-spec.js';
import { pathParam } from '../path-param.js';
import type { RouteContext } from './route-context.js';

const BASE = '/v2/call_control_applications';

/** `GET/POST /v2/call_control_applications` and `GET/PATCH/DELETE …/{id}`. */
export function registerCallControlApplicationRoutes(
  app: FastifyInstance,
  ctx: RouteContext,
): void {
  app.get(BASE, async (request) => {
    const params = queryParams(request.query);
    const page = valueOrThrow(parsePage(params));
    const query = valueOrThrow(parseApplicationQuery(params));
    const all = await ctx.store.listResources(ctx.auth.accountOf(request).id, KIND);
    const selected = selectApplications(all, query);
    const rows = slicePage(selected, page).map((resource) => resource.data);
    return { data: rows, meta: pageMeta(page, selected.length) };
  });

  app.post(BASE, async (request, reply) => {
    const fields = valueOrThrow(checkObject(SPEC, request.body, 'create'));
    const accountId = ctx.auth.accountOf(request).id;
    const resource = newApplication(accountId, numericId(), fields, ctx.now());
    await ctx.store.putResource(resource);
    return reply.status(201).send({ data: resource.data });
  });

  app.get(`${BASE}/:id`, async (request) => ({
    data: (await owned(ctx, request)).data,
  }));

  app.patch(`${BASE}/:id`, async (request) => {
    const patch = valueOrThrow(checkObject(SPEC, request.body, 'patch'));
    const current = await owned(ctx, request);
    const next = updatedApplication(current, mergePatch(SPEC, current.data, patch), ctx.now());
    await ctx.store.putResource(next);
    return { data: next.data };
  });

  app.delete(`${BASE}/:id`, async (request) => {
    const current = await owned(ctx, request);
    await ctx.store.deleteResource(current.accountId, KIND, current.id);
    return { data: current.data };
  });
}

/** The caller's application named in the path, or 404 (other accounts' ids included). */
async function owned(ctx: RouteContext, request: FastifyRequest): Promise<Resource> {
  const id = pathParam(request, 'id');
  const accountId = ctx.auth.accountOf(request).id;
  const resource = isNumericId(id) ? await ctx.store.getResource(accountId, KIND, id) : null;
  if (resource === null) throw new NotFoundError('Call control application not found.');
  return resource;
}

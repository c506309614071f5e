import { pathParam } from '../../api/path-param.js';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { NotFoundError } from '../../errors/api-error.js';
import type { Resource } from '../../storage/store.js';
import {
  newApplication,
  updatedApplication,
} from '../../api/call-control-applications/application-record.js';
import { isNumericId, numericId } from '../../api/call-control-applications/numeric-id.js';
import { pageMeta, parsePage, slicePage } from '../../api/pagination.js';
import { queryParams } from '../../api/query-params.js';
import { valueOrThrow } from '../../api/validation/checked.js';
import { checkObject, mergePatch } from '../../api/validation/object-spec.js';
import type { EmulatorDeps } from '../emulator-deps.js';
import { ID_PARAMS_SCHEMA, LIST_QUERY_SCHEMA } from './route-schemas.js';
import { parseTexmlApplicationQuery, selectTexmlApplications } from './texml-application-query.js';
import {
  TEXML_APPLICATION_KIND as KIND,
  TEXML_APPLICATION_SPEC as SPEC,
} from './texml-application-spec.js';

const BASE = '/v2/texml_applications';

type IdRequest = FastifyRequest<{ Params: { readonly id: string } }>;

/** `GET/POST /v2/texml_applications` and `GET/PATCH/DELETE …/{id}`. */
export function registerTexmlApplicationRoutes(app: FastifyInstance, deps: EmulatorDeps): void {
  app.get(BASE, { schema: { querystring: LIST_QUERY_SCHEMA } }, async (request) => {
    const params = queryParams(request.query);
    const page = valueOrThrow(parsePage(params));
    const query = valueOrThrow(parseTexmlApplicationQuery(params));
    const all = await deps.store.listResources(deps.accountId(request), KIND);
    const selected = selectTexmlApplications(all, query);
    const rows = slicePage(selected, page).map((resource) => resource.data);
    return { data: rows, meta: pageMeta(page, selected.length) };
  });

  app.post(BASE, async (request, reply) => {
    const fields = valueOrThrow(checkObject(SPEC, request.body, 'create'));
    const resource = newApplication(deps.accountId(request), numericId(), fields, deps.now(), KIND);
    await deps.store.putResource(resource);
    return reply.status(201).send({ data: resource.data });
  });

  const byId = { schema: { params: ID_PARAMS_SCHEMA } };
  app.get(`${BASE}/:id`, byId, async (request: IdRequest) => ({
    data: (await owned(deps, request)).data,
  }));

  app.patch(`${BASE}/:id`, byId, async (request: IdRequest) => {
    const patch = valueOrThrow(checkObject(SPEC, request.body, 'patch'));
    const current = await owned(deps, request);
    const next = updatedApplication(current, mergePatch(SPEC, current.data, patch), deps.now());
    await deps.store.putResource(next);
    return { data: next.data };
  });

  app.delete(`${BASE}/:id`, byId, async (request: IdRequest) => {
    const current = await owned(deps, request);
    await deps.store.deleteResource(current.accountId, KIND, current.id);
    return { data: current.data };
  });
}

/** The caller's TeXML application, or 404 (other accounts' ids included). */
export async function findTexmlApplication(
  deps: Pick<EmulatorDeps, 'store'>,
  accountId: string,
  id: string,
): Promise<Resource | null> {
  return isNumericId(id) ? deps.store.getResource(accountId, KIND, id) : null;
}

async function owned(deps: EmulatorDeps, request: IdRequest): Promise<Resource> {
  const resource = await findTexmlApplication(
    deps,
    deps.accountId(request),
    pathParam(request, 'id'),
  );
  if (resource === null) throw new NotFoundError('TeXML application not found.');
  return resource;
}

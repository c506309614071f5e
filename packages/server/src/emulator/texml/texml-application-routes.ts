import { mergePatch } from '../../http/api/call-control-applications/application-document.js';
import { ErrorEnvelope } from '@switchboard/core/contract';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { numericId, isNumericId } from '../../http/api/call-control-applications/numeric-id.js';
import { pageMeta, slicePage } from '../../http/page-query.js';
import { pathParam } from '../../http/api/path-param.js';
import { NotFoundError } from '../../support/errors/api-error.js';
import { typed } from '../../http/typed-app.js';
import type { Resource } from '../../storage/store.js';
import type { EmulatorDeps } from '../emulator-deps.js';
import {
  CreateTexmlApplication,
  decodeTexmlApplication,
  TEXML_APPLICATION_KIND as KIND,
  TexmlApplicationList,
  TexmlApplicationQuery,
  TexmlApplicationResponse,
  UpdateTexmlApplication,
  type TexmlApplication,
} from './texml-application-contract.js';
import { selectTexmlApplications } from './texml-application-query.js';
import { IdParams } from './texml-route-contract.js';

const BASE = '/v2/texml_applications';
const TAGS = ['texml'];

/** `GET/POST /v2/texml_applications` and `GET/PATCH/DELETE …/{id}`. */
export function registerTexmlApplicationRoutes(app: FastifyInstance, deps: EmulatorDeps): void {
  const api = typed(app);
  api.get(
    BASE,
    {
      schema: {
        summary: 'List TeXML applications',
        tags: TAGS,
        querystring: TexmlApplicationQuery,
        response: { 200: TexmlApplicationList, '4xx': ErrorEnvelope },
      },
    },
    async (request) => {
      const page = {
        number: request.query['page[number]'] ?? 1,
        size: request.query['page[size]'] ?? 20,
      };
      const all = await deps.store.listResources(deps.accountId(request), KIND);
      const selected = selectTexmlApplications(all.map(applicationOf), request.query);
      return { data: [...slicePage(selected, page)], meta: pageMeta(page, selected.length) };
    },
  );

  api.post(
    BASE,
    {
      schema: {
        summary: 'Create a TeXML application',
        tags: TAGS,
        body: CreateTexmlApplication,
        response: { 201: TexmlApplicationResponse, '4xx': ErrorEnvelope },
      },
    },
    async (request, reply) => {
      const id = numericId();
      const now = deps.now();
      const stamp = new Date(now).toISOString();
      const data: TexmlApplication = {
        id,
        record_type: 'texml_application',
        ...created(request.body),
        created_at: stamp,
        updated_at: stamp,
      };
      await deps.store.putResource(resourceOf(deps.accountId(request), data, now, now));
      return reply.status(201).send({ data });
    },
  );

  const byId = {
    tags: TAGS,
    params: IdParams,
    response: { 200: TexmlApplicationResponse, '4xx': ErrorEnvelope },
  };
  api.get(
    `${BASE}/:id`,
    { schema: { ...byId, summary: 'Retrieve a TeXML application' } },
    async (request) => ({ data: await owned(deps, request) }),
  );

  api.patch(
    `${BASE}/:id`,
    { schema: { ...byId, summary: 'Update a TeXML application', body: UpdateTexmlApplication } },
    async (request) => {
      const current = await owned(deps, request);
      const now = deps.now();
      const data = patched(current, request.body, new Date(now).toISOString());
      await deps.store.putResource(
        resourceOf(deps.accountId(request), data, Date.parse(current.created_at), now),
      );
      return { data };
    },
  );

  api.delete(
    `${BASE}/:id`,
    { schema: { ...byId, summary: 'Delete a TeXML application' } },
    async (request) => {
      const current = await owned(deps, request);
      await deps.store.deleteResource(deps.accountId(request), KIND, current.id);
      return { data: current };
    },
  );
}

/** A created application's members: every default filled by the declaration. */
function created(
  body: CreateTexmlApplication,
): Omit<TexmlApplication, 'id' | 'record_type' | 'created_at' | 'updated_at'> {
  return {
    friendly_name: body.friendly_name,
    voice_url: body.voice_url,
    voice_method: body.voice_method ?? 'post',
    voice_fallback_url: body.voice_fallback_url ?? null,
    status_callback: body.status_callback ?? null,
    status_callback_method: body.status_callback_method ?? 'post',
    active: body.active ?? true,
    anchorsite_override: body.anchorsite_override ?? 'Latency',
    dtmf_type: body.dtmf_type ?? 'RFC 2833',
    first_command_timeout: body.first_command_timeout ?? false,
    first_command_timeout_secs: body.first_command_timeout_secs ?? 30,
    call_cost_in_webhooks: body.call_cost_in_webhooks ?? false,
    inbound: {
      channel_limit: body.inbound?.channel_limit ?? null,
      shaken_stir_enabled: body.inbound?.shaken_stir_enabled ?? false,
      sip_subdomain: body.inbound?.sip_subdomain ?? null,
      sip_subdomain_receive_settings: body.inbound?.sip_subdomain_receive_settings ?? 'from_anyone',
    },
    outbound: {
      channel_limit: body.outbound?.channel_limit ?? null,
      outbound_voice_profile_id: body.outbound?.outbound_voice_profile_id ?? null,
    },
    tags: body.tags ?? [],
  };
}

/** A patch applied as to a call control application; the identity and creation stay. */
function patched(
  current: TexmlApplication,
  patch: UpdateTexmlApplication,
  stamp: string,
): TexmlApplication {
  return {
    ...mergePatch(current, patch),
    id: current.id,
    created_at: current.created_at,
    updated_at: stamp,
  };
}

function resourceOf(
  accountId: string,
  data: TexmlApplication,
  createdAt: number,
  updatedAt: number,
): Resource {
  return { accountId, kind: KIND, id: data.id, data, createdAt, updatedAt };
}

function applicationOf(resource: Resource): TexmlApplication {
  return decodeTexmlApplication(resource.data);
}

/** The caller's TeXML application, or null (other accounts' ids included). */
export async function findTexmlApplication(
  deps: Pick<EmulatorDeps, 'store'>,
  accountId: string,
  id: string,
): Promise<TexmlApplication | null> {
  if (!isNumericId(id)) return null;
  const resource = await deps.store.getResource(accountId, KIND, id);
  return resource === null ? null : applicationOf(resource);
}

async function owned(deps: EmulatorDeps, request: FastifyRequest): Promise<TexmlApplication> {
  const application = await findTexmlApplication(
    deps,
    deps.accountId(request),
    pathParam(request, 'id'),
  );
  if (application === null) throw new NotFoundError('TeXML application not found.');
  return application;
}

import { pathParam } from '../../api/path-param.js';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { pageMeta, parsePage, slicePage } from '../../api/pagination.js';
import { queryParams, type QueryParams } from '../../api/query-params.js';
import { valueOrThrow as checkedOrThrow } from '../../api/validation/checked.js';
import { NotFoundError } from '../../errors/api-error.js';
import type { JsonObject } from '../../storage/store.js';
import type { EmulatorDeps } from '../emulator-deps.js';
import { asBody } from '../phone-numbers/body-checks.js';
import { stringField } from '../phone-numbers/json-fields.js';
import { valueOrThrow } from '../phone-numbers/to-api-error.js';
import {
  AUTORESP_CONFIG_KIND,
  autorespDocument,
  autorespView,
  checkAutoresp,
} from './autoresp-config.js';
import { profileConfigs, saveAutoresp } from './autoresp-config-store.js';
import { getProfile } from './messaging-profile.js';
import { randomUuid } from './random-uuid.js';

type ProfileRequest = FastifyRequest<{ Params: { profile_id: string } }>;
type ConfigRequest = FastifyRequest<{ Params: { profile_id: string; autoresp_cfg_id: string } }>;

const BASE = '/v2/messaging_profiles/:profile_id/autoresp_configs';

/** Auto-response configs of a messaging profile: list, create, read, replace, delete. */
export function registerAutorespRoutes(app: FastifyInstance, deps: EmulatorDeps): void {
  app.get(BASE, async (request: ProfileRequest) => {
    const accountId = await profileOf(deps, request);
    const params = queryParams(request.query);
    const page = checkedOrThrow(parsePage(params));
    const configs = (
      await profileConfigs(deps.store, accountId, pathParam(request, 'profile_id'))
    ).filter((config) => listed(config, params));
    return {
      data: slicePage(configs, page).map(autorespView),
      meta: pageMeta(page, configs.length),
    };
  });
  app.post(BASE, async (request: ProfileRequest) => {
    const accountId = await profileOf(deps, request);
    const fields = valueOrThrow(checkAutoresp(valueOrThrow(asBody(request.body))));
    const now = deps.now();
    const id = randomUuid(() => deps.random());
    const doc = autorespDocument(id, pathParam(request, 'profile_id'), fields, iso(now), now);
    await saveAutoresp(deps.store, accountId, doc);
    return { data: autorespView(doc) };
  });
  app.get(`${BASE}/:autoresp_cfg_id`, async (request: ConfigRequest) => ({
    data: autorespView((await loadConfig(deps, request))[1]),
  }));
  app.put(`${BASE}/:autoresp_cfg_id`, async (request: ConfigRequest) => {
    const [accountId, current] = await loadConfig(deps, request);
    const fields = valueOrThrow(checkAutoresp(valueOrThrow(asBody(request.body))));
    const doc = autorespDocument(
      pathParam(request, 'autoresp_cfg_id'),
      pathParam(request, 'profile_id'),
      fields,
      stringField(current, 'created_at'),
      deps.now(),
    );
    await saveAutoresp(deps.store, accountId, doc);
    return { data: autorespView(doc) };
  });
  app.delete(`${BASE}/:autoresp_cfg_id`, async (request: ConfigRequest, reply: FastifyReply) => {
    const [accountId] = await loadConfig(deps, request);
    await deps.store.deleteResource(
      accountId,
      AUTORESP_CONFIG_KIND,
      pathParam(request, 'autoresp_cfg_id'),
    );
    // The spec's reply is the JSON string "OK".
    return reply.type('application/json').send(JSON.stringify('OK'));
  });
}

async function profileOf(deps: EmulatorDeps, request: ProfileRequest): Promise<string> {
  const accountId = deps.accountId(request);
  const id = pathParam(request, 'profile_id');
  if ((await getProfile(deps.store, accountId, id)) === null) {
    throw new NotFoundError(`Messaging profile ${id} not found.`);
  }
  return accountId;
}

async function loadConfig(
  deps: EmulatorDeps,
  request: ConfigRequest,
): Promise<[string, JsonObject]> {
  const accountId = await profileOf(deps, request);
  const id = pathParam(request, 'autoresp_cfg_id');
  const profileId = pathParam(request, 'profile_id');
  const row = await deps.store.getResource(accountId, AUTORESP_CONFIG_KIND, id);
  if (row === null || row.data['messaging_profile_id'] !== profileId) {
    throw new NotFoundError(`Auto-response config ${id} not found.`);
  }
  return [accountId, row.data];
}

/** The spec's list filters: `country_code`, `created_at[gte|lte]`, `updated_at[gte|lte]`. */
function listed(doc: JsonObject, params: QueryParams): boolean {
  const country = params.get('country_code');
  const within = (field: string) => {
    const value = stringField(doc, field);
    const from = params.get(`${field}[gte]`);
    const to = params.get(`${field}[lte]`);
    return (from === undefined || value >= from) && (to === undefined || value <= to);
  };
  return (
    (country === undefined || stringField(doc, 'country_code') === country.toUpperCase()) &&
    within('created_at') &&
    within('updated_at')
  );
}

const iso = (ms: number) => new Date(ms).toISOString();

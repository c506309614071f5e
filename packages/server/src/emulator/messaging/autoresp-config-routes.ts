import { ErrorEnvelope } from '@switchboard/core/contract';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import Type from 'typebox';
import { pageMeta } from '../../http/page-query.js';
import { pathParam } from '../../http/api/path-param.js';
import { NotFoundError } from '../../support/errors/api-error.js';
import { typed } from '../../http/typed-app.js';
import type { EmulatorDeps } from '../emulator-deps.js';
import { One, Page, pageOf, pageRows } from '../phone-numbers/page-query.js';
import { requiredIssue, refuseIssues } from '../phone-numbers/rule-issues.js';
import { AUTORESP_CONFIG_KIND, autorespDocument, autorespView } from './autoresp-config.js';
import { getAutoresp, profileConfigs, saveAutoresp } from './autoresp-config-store.js';
import { getProfile } from './messaging-profile.js';
import {
  AutorespBody,
  AutorespConfig,
  AutorespConfigParams,
  AutorespListQuery,
  AutorespParams,
  type StoredAutoresp,
} from './messaging-schemas.js';
import { randomUuid } from './random-uuid.js';

const BASE = '/v2/messaging_profiles/:profile_id/autoresp_configs';
const TAGS = ['messaging profiles'];

/** Auto-response configs of a messaging profile: list, create, read, replace, delete. */
export function registerAutorespRoutes(app: FastifyInstance, deps: EmulatorDeps): void {
  const api = typed(app);
  api.get(
    BASE,
    {
      schema: {
        summary: 'List auto-response settings',
        tags: TAGS,
        params: AutorespParams,
        querystring: AutorespListQuery,
        response: { 200: Page(AutorespConfig), '4xx': ErrorEnvelope },
      },
    },
    async (request) => {
      const accountId = await profileOf(deps, request);
      const query = request.query;
      const configs = (
        await profileConfigs(deps.store, accountId, pathParam(request, 'profile_id'))
      ).filter((config) => listed(config, query));
      const page = pageOf(query);
      return {
        data: pageRows(configs, page).map(autorespView),
        meta: pageMeta(page, configs.length),
      };
    },
  );
  api.post(
    BASE,
    {
      schema: {
        summary: 'Create an auto-response setting',
        tags: TAGS,
        params: AutorespParams,
        body: AutorespBody,
        response: { 200: One(AutorespConfig), '4xx': ErrorEnvelope },
      },
    },
    async (request) => {
      const accountId = await profileOf(deps, request);
      refuseNoKeywords(request.body.keywords);
      const now = deps.now();
      const id = randomUuid(() => deps.random());
      const profileId = pathParam(request, 'profile_id');
      const doc = autorespDocument(id, profileId, request.body, iso(now), now);
      await saveAutoresp(deps.store, accountId, doc);
      return { data: autorespView(doc) };
    },
  );
  api.get(
    `${BASE}/:autoresp_cfg_id`,
    {
      schema: {
        summary: 'Get an auto-response setting',
        tags: TAGS,
        params: AutorespConfigParams,
        response: { 200: One(AutorespConfig), '4xx': ErrorEnvelope },
      },
    },
    async (request) => ({ data: autorespView((await loadConfig(deps, request))[1]) }),
  );
  api.put(
    `${BASE}/:autoresp_cfg_id`,
    {
      schema: {
        summary: 'Update an auto-response setting',
        tags: TAGS,
        params: AutorespConfigParams,
        body: AutorespBody,
        response: { 200: One(AutorespConfig), '4xx': ErrorEnvelope },
      },
    },
    async (request) => {
      const [accountId, current] = await loadConfig(deps, request);
      refuseNoKeywords(request.body.keywords);
      const doc = autorespDocument(
        current.id,
        current.messaging_profile_id,
        request.body,
        current.created_at,
        deps.now(),
      );
      await saveAutoresp(deps.store, accountId, doc);
      return { data: autorespView(doc) };
    },
  );
  api.delete(
    `${BASE}/:autoresp_cfg_id`,
    {
      schema: {
        summary: 'Delete an auto-response setting',
        tags: TAGS,
        params: AutorespConfigParams,
        response: {
          200: Type.String({ description: 'The JSON string "OK"' }),
          '4xx': ErrorEnvelope,
        },
      },
    },
    async (request, reply) => {
      const [accountId, current] = await loadConfig(deps, request);
      await deps.store.deleteResource(accountId, AUTORESP_CONFIG_KIND, current.id);
      // The spec's reply is the JSON string "OK".
      return reply.type('application/json').send(JSON.stringify('OK'));
    },
  );
}

/** `keywords` must name at least one word. */
function refuseNoKeywords(keywords: readonly string[]): void {
  if (keywords.length > 0) return;
  refuseIssues([requiredIssue('/keywords', "'keywords' must be a non-empty list of words.")]);
}

async function profileOf(deps: EmulatorDeps, request: FastifyRequest): Promise<string> {
  const accountId = deps.accountId(request);
  const id = pathParam(request, 'profile_id');
  if ((await getProfile(deps.store, accountId, id)) === null) {
    throw new NotFoundError(`Messaging profile ${id} not found.`);
  }
  return accountId;
}

async function loadConfig(
  deps: EmulatorDeps,
  request: FastifyRequest,
): Promise<[string, StoredAutoresp]> {
  const accountId = await profileOf(deps, request);
  const id = pathParam(request, 'autoresp_cfg_id');
  const config = await getAutoresp(deps.store, accountId, id);
  if (config === null || config.messaging_profile_id !== pathParam(request, 'profile_id')) {
    throw new NotFoundError(`Auto-response config ${id} not found.`);
  }
  return [accountId, config];
}

/** The spec's list filters: `country_code`, `created_at[gte|lte]`, `updated_at[gte|lte]`. */
function listed(doc: StoredAutoresp, query: Type.Static<typeof AutorespListQuery>): boolean {
  const country = query.country_code;
  const within = (value: string, from: string | undefined, to: string | undefined) =>
    (from === undefined || value >= from) && (to === undefined || value <= to);
  return (
    (country === undefined || doc.country_code === country.toUpperCase()) &&
    within(doc.created_at, query['created_at[gte]'], query['created_at[lte]']) &&
    within(doc.updated_at, query['updated_at[gte]'], query['updated_at[lte]'])
  );
}

const iso = (ms: number) => new Date(ms).toISOString();

import { ErrorEnvelope, ShortCode } from '@switchboard/core/contract';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import Type from 'typebox';
import { pageMeta } from '../../http/page-query.js';
import { pathParam } from '../../http/api/path-param.js';
import { NotFoundError } from '../../support/errors/api-error.js';
import { typed } from '../../http/typed-app.js';
import type { EmulatorDeps } from '../emulator-deps.js';
import { One, Page, PageQuery, pageOf, pageRows } from '../phone-numbers/page-query.js';
import { PhoneNumberMessagingSettings } from '../phone-numbers/phone-number-schemas.js';
import { toMessagingSettings } from '../phone-numbers/phone-number.js';
import { listNumbers } from '../phone-numbers/phone-number-store.js';
import { inUseIssue, refuseIssues } from '../phone-numbers/rule-issues.js';
import { registerShortCodeRoute } from './add-short-code.js';
import { alphanumericSenderIds } from './alphanumeric-sender-ids.js';
import { registerAutorespRoutes } from './autoresp-config-routes.js';
import { MESSAGE_KIND } from './message-store.js';
import { filterProfiles, v1Secret } from './messaging-profile-filter.js';
import {
  getProfile,
  listProfiles,
  MESSAGING_PROFILE_KIND,
  newProfile,
  profileResource,
  updateProfile,
  type MessagingProfile as Profile,
} from './messaging-profile.js';
import {
  AlphanumericSenderId,
  CreateMessagingProfile,
  decodeMessage,
  MessagingProfile,
  MetricsQuery,
  ProfileListQuery,
  ProfileMetrics,
  ProfileParams,
  UpdateMessagingProfile,
} from './messaging-schemas.js';
import { profileMetrics } from './profile-metrics.js';
import { randomUuid } from './random-uuid.js';
import { listShortCodes } from './short-codes.js';

const TAGS = ['messaging profiles'];
const ListQuery = Type.Object(PageQuery);

/** `/v2/messaging_profiles` CRUD and the profile's numbers, short codes and sender IDs. */
export function registerMessagingProfileRoutes(app: FastifyInstance, deps: EmulatorDeps): void {
  const api = typed(app);
  const load = async (request: FastifyRequest): Promise<[string, Profile]> => {
    const accountId = deps.accountId(request);
    const id = pathParam(request, 'id');
    const profile = await getProfile(deps.store, accountId, id);
    if (profile === null) throw new NotFoundError(`Messaging profile ${id} not found.`);
    return [accountId, profile];
  };
  const save = async (accountId: string, profile: Profile) => {
    await deps.store.putResource(profileResource(accountId, profile));
    return profile;
  };
  api.get(
    '/v2/messaging_profiles',
    {
      schema: {
        summary: 'List messaging profiles',
        tags: TAGS,
        querystring: ProfileListQuery,
        response: { 200: Page(MessagingProfile), '4xx': ErrorEnvelope },
      },
    },
    async (request) => {
      const page = pageOf(request.query);
      const all = await listProfiles(deps.store, deps.accountId(request));
      const profiles = filterProfiles(all, request.query);
      return { data: pageRows(profiles, page), meta: pageMeta(page, profiles.length) };
    },
  );
  api.post(
    '/v2/messaging_profiles',
    {
      schema: {
        summary: 'Create a messaging profile',
        tags: TAGS,
        body: CreateMessagingProfile,
        response: { 200: One(MessagingProfile), '4xx': ErrorEnvelope },
      },
    },
    async (request) => {
      const accountId = deps.accountId(request);
      const profile = newProfile({
        id: randomUuid(() => deps.random()),
        organizationId: accountId,
        v1Secret: v1Secret(() => deps.random()),
        fields: request.body,
        now: deps.now(),
      });
      return { data: await save(accountId, profile) };
    },
  );
  api.get(
    '/v2/messaging_profiles/:id',
    {
      schema: {
        summary: 'Retrieve a messaging profile',
        tags: TAGS,
        params: ProfileParams,
        response: { 200: One(MessagingProfile), '4xx': ErrorEnvelope },
      },
    },
    async (request) => ({ data: (await load(request))[1] }),
  );
  api.patch(
    '/v2/messaging_profiles/:id',
    {
      schema: {
        summary: 'Update a messaging profile',
        tags: TAGS,
        params: ProfileParams,
        body: UpdateMessagingProfile,
        response: { 200: One(MessagingProfile), '4xx': ErrorEnvelope },
      },
    },
    async (request) => {
      const [accountId, profile] = await load(request);
      return { data: await save(accountId, updateProfile(profile, request.body, deps.now())) };
    },
  );
  api.delete(
    '/v2/messaging_profiles/:id',
    {
      schema: {
        summary: 'Delete a messaging profile',
        tags: TAGS,
        params: ProfileParams,
        response: { 200: One(MessagingProfile), '4xx': ErrorEnvelope },
      },
    },
    async (request) => {
      const [accountId, profile] = await load(request);
      await refuseIfInUse(deps, accountId, profile.id);
      await deps.store.deleteResource(accountId, MESSAGING_PROFILE_KIND, profile.id);
      return { data: profile };
    },
  );
  api.post(
    '/v2/messaging_profiles/:id/actions/regenerate_secret',
    {
      schema: {
        summary: 'Regenerate messaging profile secret',
        tags: TAGS,
        params: ProfileParams,
        response: { 200: One(MessagingProfile), '4xx': ErrorEnvelope },
      },
    },
    async (request) => {
      const [accountId, profile] = await load(request);
      const fields = { v1_secret: v1Secret(() => deps.random()) };
      return { data: await save(accountId, updateProfile(profile, fields, deps.now())) };
    },
  );
  api.get(
    '/v2/messaging_profiles/:id/metrics',
    {
      schema: {
        summary: 'Get messaging profile metrics',
        tags: TAGS,
        params: ProfileParams,
        querystring: MetricsQuery,
        response: { 200: One(ProfileMetrics), '4xx': ErrorEnvelope },
      },
    },
    async (request) => {
      const [accountId, profile] = await load(request);
      const rows = await deps.store.listResources(accountId, MESSAGE_KIND);
      const messages = rows.map((row) => decodeMessage(row.data));
      const timeFrame = request.query.time_frame ?? '24h';
      return { data: profileMetrics(messages, profile.id, timeFrame, deps.now()) };
    },
  );
  api.get(
    '/v2/messaging_profiles/:id/short_codes',
    {
      schema: {
        summary: 'List short codes associated with a messaging profile',
        tags: TAGS,
        params: ProfileParams,
        querystring: ListQuery,
        response: { 200: Page(ShortCode), '4xx': ErrorEnvelope },
      },
    },
    async (request) => {
      const [accountId, profile] = await load(request);
      const codes = await listShortCodes(deps.store, accountId);
      const mine = codes.filter((code) => code.messaging_profile_id === profile.id);
      const page = pageOf(request.query);
      return { data: pageRows(mine, page), meta: pageMeta(page, mine.length) };
    },
  );
  api.get(
    '/v2/messaging_profiles/:id/alphanumeric_sender_ids',
    {
      schema: {
        summary: 'List alphanumeric sender IDs of a messaging profile',
        tags: TAGS,
        params: ProfileParams,
        querystring: ListQuery,
        response: { 200: Page(AlphanumericSenderId), '4xx': ErrorEnvelope },
      },
    },
    async (request) => {
      const [accountId, profile] = await load(request);
      const ids = alphanumericSenderIds(profile, accountId);
      const page = pageOf(request.query);
      return { data: pageRows(ids, page), meta: pageMeta(page, ids.length) };
    },
  );
  api.get(
    '/v2/messaging_profiles/:id/phone_numbers',
    {
      schema: {
        summary: 'List phone numbers associated with a messaging profile',
        tags: TAGS,
        params: ProfileParams,
        querystring: ListQuery,
        response: { 200: Page(PhoneNumberMessagingSettings), '4xx': ErrorEnvelope },
      },
    },
    async (request) => {
      const [accountId, profile] = await load(request);
      const numbers = await listNumbers(deps.store, accountId);
      const mine = numbers.filter((n) => n.messaging_profile_id === profile.id);
      const page = pageOf(request.query);
      const data = pageRows(mine, page).map((n) => toMessagingSettings(n, accountId));
      return { data, meta: pageMeta(page, mine.length) };
    },
  );
  registerAutorespRoutes(app, deps);
  registerShortCodeRoute(app, deps);
}

// Telnyx keeps numbers pointing at live profiles, so a profile in use cannot go.
async function refuseIfInUse(deps: EmulatorDeps, accountId: string, id: string): Promise<void> {
  const numbers = await listNumbers(deps.store, accountId);
  const count = numbers.filter((n) => n.messaging_profile_id === id).length;
  if (count === 0) return;
  refuseIssues([
    inUseIssue(`The messaging profile still has ${count} phone number(s); reassign them first.`),
  ]);
}

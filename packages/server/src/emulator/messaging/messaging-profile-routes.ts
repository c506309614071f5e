import { ownMember } from '../../own-member.js';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { pageMeta, parsePage, slicePage } from '../../api/pagination.js';
import { pathParam } from '../../api/path-param.js';
import { queryParams } from '../../api/query-params.js';
import { valueOrThrow as checkedOrThrow } from '../../api/validation/checked.js';
import { NotFoundError } from '../../errors/api-error.js';
import type { JsonObject } from '../../storage/store.js';
import type { EmulatorDeps } from '../emulator-deps.js';
import { asBody } from '../phone-numbers/body-checks.js';
import { fieldErrors } from '../phone-numbers/field-error.js';
import { toMessagingSettings } from '../phone-numbers/phone-number.js';
import { listNumbers } from '../phone-numbers/phone-number-store.js';
import { toApiError, valueOrThrow } from '../phone-numbers/to-api-error.js';
import { checkNewProfile, checkProfileFields } from './messaging-profile-input.js';
import { filterProfiles, v1Secret } from './messaging-profile-filter.js';
import {
  getProfile,
  MESSAGING_PROFILE_KIND,
  newProfile,
  profileResource,
  updateProfile,
} from './messaging-profile.js';
import { randomUuid } from './random-uuid.js';
import { ValidationError } from '../../errors/api-error.js';
import { enumIssue } from '../../api/validation/issues.js';
import { registerAutorespRoutes } from './autoresp-config-routes.js';
import { alphanumericSenderIds } from './alphanumeric-sender-ids.js';
import { MESSAGE_KIND } from './message-store.js';
import { profileMetrics, TIME_FRAMES } from './profile-metrics.js';
import { addShortCode } from './add-short-code.js';
import { listShortCodes } from './short-codes.js';

/** `/v2/messaging_profiles` CRUD and the profile's phone numbers. */
export function registerMessagingProfileRoutes(app: FastifyInstance, deps: EmulatorDeps): void {
  const load = async (request: FastifyRequest): Promise<[string, JsonObject]> => {
    const accountId = deps.accountId(request);
    const id = pathParam(request, 'id');
    const profile = await getProfile(deps.store, accountId, id);
    if (profile === null) throw new NotFoundError(`Messaging profile ${id} not found.`);
    return [accountId, profile];
  };
  app.get('/v2/messaging_profiles', (request) => listProfiles(deps, request));
  app.post('/v2/messaging_profiles', (request) => createProfile(deps, request));
  app.get('/v2/messaging_profiles/:id', async (request: FastifyRequest) => ({
    data: (await load(request))[1],
  }));
  app.patch('/v2/messaging_profiles/:id', async (request: FastifyRequest) => {
    const [accountId, profile] = await load(request);
    const fields = valueOrThrow(checkProfileFields(valueOrThrow(asBody(request.body))));
    const updated = updateProfile(profile, fields, deps.now());
    await deps.store.putResource(profileResource(accountId, updated));
    return { data: updated };
  });
  app.delete('/v2/messaging_profiles/:id', async (request: FastifyRequest) => {
    const [accountId, profile] = await load(request);
    const id = pathParam(request, 'id');
    await refuseIfInUse(deps, accountId, id);
    await deps.store.deleteResource(accountId, MESSAGING_PROFILE_KIND, id);
    return { data: profile };
  });
  app.post(
    '/v2/messaging_profiles/:id/actions/regenerate_secret',
    async (request: FastifyRequest) => {
      const [accountId, profile] = await load(request);
      const fields = { v1_secret: v1Secret(() => deps.random()) };
      const updated = updateProfile(profile, fields, deps.now());
      await deps.store.putResource(profileResource(accountId, updated));
      return { data: updated };
    },
  );
  app.get('/v2/messaging_profiles/:id/metrics', async (request: FastifyRequest) => {
    const [accountId] = await load(request);
    const timeFrame = queryParams(request.query).get('time_frame') ?? '24h';
    if (ownMember(TIME_FRAMES, timeFrame) === undefined) {
      throw new ValidationError([enumIssue({ parameter: 'time_frame' }, Object.keys(TIME_FRAMES))]);
    }
    const rows = await deps.store.listResources(accountId, MESSAGE_KIND);
    const messages = rows.map((row) => row.data);
    return { data: profileMetrics(messages, pathParam(request, 'id'), timeFrame, deps.now()) };
  });
  app.get('/v2/messaging_profiles/:id/short_codes', async (request: FastifyRequest) => {
    const [accountId] = await load(request);
    const codes = await listShortCodes(deps.store, accountId);
    return paged(
      request,
      codes.filter((code) => code['messaging_profile_id'] === pathParam(request, 'id')),
    );
  });
  app.get('/v2/messaging_profiles/:id/alphanumeric_sender_ids', async (request: FastifyRequest) => {
    const [accountId, profile] = await load(request);
    return paged(request, alphanumericSenderIds(profile, accountId));
  });
  registerAutorespRoutes(app, deps);
  app.post('/switchboard/short_codes', (request, reply) => addShortCode(deps, request, reply));
  app.get('/v2/messaging_profiles/:id/phone_numbers', async (request: FastifyRequest) => {
    const [accountId] = await load(request);
    const numbers = await listNumbers(deps.store, accountId);
    const id = pathParam(request, 'id');
    const mine = numbers.filter((n) => n.messaging_profile_id === id);
    const page = checkedOrThrow(parsePage(queryParams(request.query)));
    const data = slicePage(mine, page).map((n) => toMessagingSettings(n, accountId));
    return { data, meta: pageMeta(page, mine.length) };
  });
}

function paged(request: FastifyRequest, rows: readonly JsonObject[]) {
  const page = checkedOrThrow(parsePage(queryParams(request.query)));
  return { data: slicePage(rows, page), meta: pageMeta(page, rows.length) };
}

async function listProfiles(deps: EmulatorDeps, request: FastifyRequest) {
  const accountId = deps.accountId(request);
  const params = queryParams(request.query);
  const page = checkedOrThrow(parsePage(params));
  const rows = await deps.store.listResources(accountId, MESSAGING_PROFILE_KIND);
  const profiles = filterProfiles(
    rows.map((row) => row.data),
    params,
  );
  return { data: slicePage(profiles, page), meta: pageMeta(page, profiles.length) };
}

async function createProfile(deps: EmulatorDeps, request: FastifyRequest) {
  const accountId = deps.accountId(request);
  const fields = valueOrThrow(checkNewProfile(valueOrThrow(asBody(request.body))));
  const profile = newProfile({
    id: randomUuid(() => deps.random()),
    organizationId: accountId,
    v1Secret: v1Secret(() => deps.random()),
    fields,
    now: deps.now(),
  });
  await deps.store.putResource(profileResource(accountId, profile));
  return { data: profile };
}

// Telnyx keeps numbers pointing at live profiles, so a profile in use cannot go.
async function refuseIfInUse(deps: EmulatorDeps, accountId: string, id: string): Promise<void> {
  const numbers = await listNumbers(deps.store, accountId);
  const count = numbers.filter((n) => n.messaging_profile_id === id).length;
  if (count === 0) return;
  throw toApiError(
    fieldErrors.inUse(
      `The messaging profile still has ${count} phone number(s); reassign them first.`,
    ),
  );
}

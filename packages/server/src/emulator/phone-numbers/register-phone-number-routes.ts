import type { FastifyInstance, FastifyRequest } from 'fastify';
import { pageMeta, parsePage, slicePage } from '../../api/pagination.js';
import { pathParam } from '../../api/path-param.js';
import { queryParams } from '../../api/query-params.js';
import { valueOrThrow as checkedOrThrow } from '../../api/validation/checked.js';
import { NotFoundError } from '../../errors/api-error.js';
import type { JsonObject } from '../../storage/store.js';
import type { EmulatorDeps } from '../emulator-deps.js';
import { addPhoneNumber } from './add-phone-number.js';
import { asBody } from './body-checks.js';
import { linkedNames } from './linked-resources.js';
import { messagingChanges, numberChanges } from './phone-number-changes.js';
import { filterNumbers } from './phone-number-filter.js';
import { toDetailed, toMessagingSettings, type PhoneNumber } from './phone-number.js';
import { getNumber, listNumbers, saveNumber } from './phone-number-store.js';
import { valueOrThrow } from './to-api-error.js';

/**
 * The phone-number inventory: Telnyx's `/v2/phone_numbers` reads and updates, and
 * `POST /switchboard/phone_numbers` to add numbers to an account.
 */
export function registerPhoneNumberRoutes(app: FastifyInstance, deps: EmulatorDeps): void {
  const routes = phoneNumberHandlers(deps);
  app.get('/v2/phone_numbers', routes.list);
  app.get('/v2/phone_numbers/:id', routes.get);
  app.patch('/v2/phone_numbers/:id', routes.update);
  app.get('/v2/phone_numbers/:id/messaging', routes.getMessaging);
  app.patch('/v2/phone_numbers/:id/messaging', routes.updateMessaging);
  app.post('/switchboard/phone_numbers', routes.add);
}

function phoneNumberHandlers(deps: EmulatorDeps) {
  const detailed = async (accountId: string, number: PhoneNumber): Promise<JsonObject> =>
    toDetailed(number, await linkedNames(deps.store, accountId, number));
  const load = async (request: FastifyRequest): Promise<[string, PhoneNumber]> => {
    const accountId = deps.accountId(request);
    const id = pathParam(request, 'id');
    const number = await getNumber(deps.store, accountId, id);
    if (number === null) throw new NotFoundError(`Phone number ${id} not found.`);
    return [accountId, number];
  };
  const change = async (request: FastifyRequest, changes: typeof numberChanges) => {
    const [accountId, number] = await load(request);
    const patch = valueOrThrow(
      await changes(deps.store, accountId, valueOrThrow(asBody(request.body))),
    );
    const updated = { ...number, ...patch, updated_at: new Date(deps.now()).toISOString() };
    await saveNumber(deps.store, accountId, updated);
    return [accountId, updated] as const;
  };
  return {
    list: async (request: FastifyRequest) => {
      const accountId = deps.accountId(request);
      const params = queryParams(request.query);
      const page = checkedOrThrow(parsePage(params));
      const numbers = filterNumbers(await listNumbers(deps.store, accountId), params);
      const data = await Promise.all(slicePage(numbers, page).map((n) => detailed(accountId, n)));
      return { data, meta: pageMeta(page, numbers.length) };
    },
    get: async (request: FastifyRequest) => ({ data: await detailed(...(await load(request))) }),
    update: async (request: FastifyRequest) => ({
      data: await detailed(...(await change(request, numberChanges))),
    }),
    getMessaging: async (request: FastifyRequest) => {
      const [accountId, number] = await load(request);
      return { data: toMessagingSettings(number, accountId) };
    },
    updateMessaging: async (request: FastifyRequest) => {
      const [accountId, number] = await change(request, messagingChanges);
      return { data: toMessagingSettings(number, accountId) };
    },
    add: async (request: FastifyRequest, reply: { code(status: number): unknown }) => {
      const accountId = deps.accountId(request);
      const number = valueOrThrow(
        await addPhoneNumber(deps, accountId, valueOrThrow(asBody(request.body))),
      );
      reply.code(201);
      return { data: await detailed(accountId, number) };
    },
  };
}

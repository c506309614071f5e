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
import { registerCsvDownloadRoutes } from './csv-download-routes.js';
import { registerNumberOrderRoutes } from './number-order-routes.js';
import { registerPhoneNumberJobRoutes } from './phone-number-job-routes.js';
import { registerVoicemailRoutes } from './voicemail-routes.js';
import { messagingChanges, numberChanges } from './phone-number-changes.js';
import { filterNumbers } from './phone-number-filter.js';
import {
  toDetailed,
  toMessagingSettings,
  toSlim,
  toVoiceSettings,
  type PhoneNumber,
} from './phone-number.js';
import { deleteNumber, getNumber, listNumbers, saveNumber } from './phone-number-store.js';
import { patchVoiceSettings } from './voice-settings.js';
import { valueOrThrow } from './to-api-error.js';

/**
 * The phone-number inventory: Telnyx's `/v2/phone_numbers` reads and updates, and
 * `POST /switchboard/phone_numbers` to add numbers to an account.
 */
export function registerPhoneNumberRoutes(app: FastifyInstance, deps: EmulatorDeps): void {
  const routes = phoneNumberHandlers(deps);
  app.get('/v2/phone_numbers', routes.list);
  app.get('/v2/phone_numbers/slim', routes.listAs(toSlim));
  app.get('/v2/phone_numbers/voice', routes.listAs(toVoiceSettings));
  app.get('/v2/phone_numbers/messaging', routes.listAs(toMessagingSettings));
  app.get('/v2/phone_numbers/:id', routes.get);
  app.patch('/v2/phone_numbers/:id', routes.update);
  app.delete('/v2/phone_numbers/:id', routes.remove);
  app.get('/v2/phone_numbers/:id/messaging', routes.getMessaging);
  app.patch('/v2/phone_numbers/:id/messaging', routes.updateMessaging);
  app.get('/v2/phone_numbers/:id/voice', routes.getVoice);
  app.patch('/v2/phone_numbers/:id/voice', routes.updateVoice);
  app.post('/switchboard/phone_numbers', routes.add);
  registerNumberOrderRoutes(app, deps);
  registerPhoneNumberJobRoutes(app, deps);
  registerVoicemailRoutes(app, deps);
  registerCsvDownloadRoutes(app, deps);
}

type View = (number: PhoneNumber, accountId: string) => JsonObject;

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
  const listed = async (request: FastifyRequest) => {
    const accountId = deps.accountId(request);
    const params = queryParams(request.query);
    const page = checkedOrThrow(parsePage(params));
    const numbers = filterNumbers(await listNumbers(deps.store, accountId), params);
    return { accountId, rows: slicePage(numbers, page), meta: pageMeta(page, numbers.length) };
  };
  return {
    list: async (request: FastifyRequest) => {
      const { accountId, rows, meta } = await listed(request);
      return { data: await Promise.all(rows.map((n) => detailed(accountId, n))), meta };
    },
    listAs: (view: View) => async (request: FastifyRequest) => {
      const { accountId, rows, meta } = await listed(request);
      return { data: rows.map((n) => view(n, accountId)), meta };
    },
    remove: async (request: FastifyRequest) => {
      const [accountId, number] = await load(request);
      const gone = { ...(await detailed(accountId, number)), status: 'deleted' };
      await deleteNumber(deps.store, accountId, number.id);
      return { data: gone };
    },
    getVoice: async (request: FastifyRequest) => ({
      data: toVoiceSettings((await load(request))[1]),
    }),
    updateVoice: async (request: FastifyRequest) => {
      const [accountId, number] = await load(request);
      const voice = valueOrThrow(
        patchVoiceSettings(number.voice, valueOrThrow(asBody(request.body))),
      );
      const updated = { ...number, voice, updated_at: new Date(deps.now()).toISOString() };
      await saveNumber(deps.store, accountId, updated);
      return { data: toVoiceSettings(updated) };
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

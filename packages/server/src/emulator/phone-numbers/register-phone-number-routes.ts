import { AddPhoneNumber, ErrorEnvelope } from '@switchboard/core/contract';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { pageMeta } from '../../http/page-query.js';
import { pathParam } from '../../http/api/path-param.js';
import { NotFoundError } from '../../support/errors/api-error.js';
import { typed } from '../../http/typed-app.js';
import type { EmulatorDeps } from '../emulator-deps.js';
import { addPhoneNumber } from './add-phone-number.js';
import { registerCsvDownloadRoutes } from './csv-download-routes.js';
import { linkedNames } from './linked-resources.js';
import { registerNumberOrderRoutes } from './number-order-routes.js';
import { IdParams, One, Page, pageOf, pageRows, paramsOf } from './page-query.js';
import { messagingChanges, numberChanges } from './phone-number-changes.js';
import { filterNumbers } from './phone-number-filter.js';
import { registerPhoneNumberJobRoutes } from './phone-number-job-routes.js';
import {
  NumberListQuery,
  PhoneNumberDetailed,
  PhoneNumberMessagingSettings,
  PhoneNumberSlim,
  PhoneNumberVoiceSettings,
  UpdateNumberMessaging,
  UpdatePhoneNumber,
} from './phone-number-schemas.js';
import {
  toDetailed,
  toMessagingSettings,
  toSlim,
  toVoiceSettings,
  type PhoneNumber,
} from './phone-number.js';
import { deleteNumber, getNumber, listNumbers, saveNumber } from './phone-number-store.js';
import { VoiceSettingsPatch } from './voice-settings-schema.js';
import { patchVoiceSettings } from './voice-settings.js';
import { registerVoicemailRoutes } from './voicemail-routes.js';

const TAGS = ['phone numbers'];

/**
 * The phone-number inventory: Telnyx's `/v2/phone_numbers` reads and updates, and
 * `POST /switchboard/phone_numbers` to add numbers to an account.
 */
export function registerPhoneNumberRoutes(app: FastifyInstance, deps: EmulatorDeps): void {
  const api = typed(app);
  const detailed = async (accountId: string, number: PhoneNumber) =>
    toDetailed(number, await linkedNames(deps.store, accountId, number));
  const load = async (request: FastifyRequest): Promise<[string, PhoneNumber]> => {
    const accountId = deps.accountId(request);
    const id = pathParam(request, 'id');
    const number = await getNumber(deps.store, accountId, id);
    if (number === null) throw new NotFoundError(`Phone number ${id} not found.`);
    return [accountId, number];
  };
  const save = async (accountId: string, number: PhoneNumber) => {
    const updated = { ...number, updated_at: new Date(deps.now()).toISOString() };
    await saveNumber(deps.store, accountId, updated);
    return updated;
  };
  const listed = async (request: FastifyRequest, query: NumberListQuery) => {
    const accountId = deps.accountId(request);
    const page = pageOf(query);
    const numbers = filterNumbers(await listNumbers(deps.store, accountId), paramsOf(query));
    return { accountId, rows: pageRows(numbers, page), meta: pageMeta(page, numbers.length) };
  };

  api.get(
    '/v2/phone_numbers',
    {
      schema: {
        summary: 'List phone numbers',
        tags: TAGS,
        querystring: NumberListQuery,
        response: { 200: Page(PhoneNumberDetailed), '4xx': ErrorEnvelope },
      },
    },
    async (request) => {
      const { accountId, rows, meta } = await listed(request, request.query);
      return { data: await Promise.all(rows.map((n) => detailed(accountId, n))), meta };
    },
  );
  api.get(
    '/v2/phone_numbers/slim',
    {
      schema: {
        summary: 'Slim List phone numbers',
        tags: TAGS,
        querystring: NumberListQuery,
        response: { 200: Page(PhoneNumberSlim), '4xx': ErrorEnvelope },
      },
    },
    async (request) => {
      const { rows, meta } = await listed(request, request.query);
      return { data: rows.map(toSlim), meta };
    },
  );
  api.get(
    '/v2/phone_numbers/voice',
    {
      schema: {
        summary: 'List phone numbers with voice settings',
        tags: TAGS,
        querystring: NumberListQuery,
        response: { 200: Page(PhoneNumberVoiceSettings), '4xx': ErrorEnvelope },
      },
    },
    async (request) => {
      const { rows, meta } = await listed(request, request.query);
      return { data: rows.map(toVoiceSettings), meta };
    },
  );
  api.get(
    '/v2/phone_numbers/messaging',
    {
      schema: {
        summary: 'List phone numbers with messaging settings',
        tags: TAGS,
        querystring: NumberListQuery,
        response: { 200: Page(PhoneNumberMessagingSettings), '4xx': ErrorEnvelope },
      },
    },
    async (request) => {
      const { accountId, rows, meta } = await listed(request, request.query);
      return { data: rows.map((n) => toMessagingSettings(n, accountId)), meta };
    },
  );
  api.get(
    '/v2/phone_numbers/:id',
    {
      schema: {
        summary: 'Retrieve a phone number (by id or +E.164)',
        tags: TAGS,
        params: IdParams,
        response: { 200: One(PhoneNumberDetailed), '4xx': ErrorEnvelope },
      },
    },
    async (request) => ({ data: await detailed(...(await load(request))) }),
  );
  api.patch(
    '/v2/phone_numbers/:id',
    {
      schema: {
        summary: 'Update a phone number',
        tags: TAGS,
        params: IdParams,
        body: UpdatePhoneNumber,
        response: { 200: One(PhoneNumberDetailed), '4xx': ErrorEnvelope },
      },
    },
    async (request) => {
      const [accountId, number] = await load(request);
      const patch = await numberChanges(deps.store, accountId, request.body);
      return { data: await detailed(accountId, await save(accountId, { ...number, ...patch })) };
    },
  );
  api.delete(
    '/v2/phone_numbers/:id',
    {
      schema: {
        summary: 'Delete a phone number',
        tags: TAGS,
        params: IdParams,
        response: { 200: One(PhoneNumberDetailed), '4xx': ErrorEnvelope },
      },
    },
    async (request) => {
      const [accountId, number] = await load(request);
      const gone = { ...(await detailed(accountId, number)), status: 'deleted' };
      await deleteNumber(deps.store, accountId, number.id);
      return { data: gone };
    },
  );
  api.get(
    '/v2/phone_numbers/:id/messaging',
    {
      schema: {
        summary: 'Retrieve a phone number with messaging settings',
        tags: TAGS,
        params: IdParams,
        response: { 200: One(PhoneNumberMessagingSettings), '4xx': ErrorEnvelope },
      },
    },
    async (request) => {
      const [accountId, number] = await load(request);
      return { data: toMessagingSettings(number, accountId) };
    },
  );
  api.patch(
    '/v2/phone_numbers/:id/messaging',
    {
      schema: {
        summary: 'Update the messaging profile and/or messaging product of a phone number',
        tags: TAGS,
        params: IdParams,
        body: UpdateNumberMessaging,
        response: { 200: One(PhoneNumberMessagingSettings), '4xx': ErrorEnvelope },
      },
    },
    async (request) => {
      const [accountId, number] = await load(request);
      const patch = await messagingChanges(deps.store, accountId, request.body);
      return {
        data: toMessagingSettings(await save(accountId, { ...number, ...patch }), accountId),
      };
    },
  );
  api.get(
    '/v2/phone_numbers/:id/voice',
    {
      schema: {
        summary: 'Retrieve a phone number with voice settings',
        tags: TAGS,
        params: IdParams,
        response: { 200: One(PhoneNumberVoiceSettings), '4xx': ErrorEnvelope },
      },
    },
    async (request) => ({ data: toVoiceSettings((await load(request))[1]) }),
  );
  api.patch(
    '/v2/phone_numbers/:id/voice',
    {
      schema: {
        summary: 'Update a phone number with voice settings',
        tags: TAGS,
        params: IdParams,
        body: VoiceSettingsPatch,
        response: { 200: One(PhoneNumberVoiceSettings), '4xx': ErrorEnvelope },
      },
    },
    async (request) => {
      const [accountId, number] = await load(request);
      const voice = patchVoiceSettings(number.voice, request.body);
      return { data: toVoiceSettings(await save(accountId, { ...number, voice })) };
    },
  );
  api.post(
    '/switchboard/phone_numbers',
    {
      schema: {
        summary: 'Add a phone number to the account (numbers cannot be bought here)',
        tags: TAGS,
        body: AddPhoneNumber,
        response: { 201: One(PhoneNumberDetailed), '4xx': ErrorEnvelope },
      },
    },
    async (request, reply) => {
      const accountId = deps.accountId(request);
      const number = await addPhoneNumber(deps, accountId, request.body);
      return reply.code(201).send({ data: await detailed(accountId, number) });
    },
  );
  registerNumberOrderRoutes(app, deps);
  registerPhoneNumberJobRoutes(app, deps);
  registerVoicemailRoutes(app, deps);
  registerCsvDownloadRoutes(app, deps);
}

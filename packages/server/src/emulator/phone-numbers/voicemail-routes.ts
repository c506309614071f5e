import { ErrorEnvelope } from '@switchboard/core/contract';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { pathParam } from '../../http/api/path-param.js';
import { NotFoundError } from '../../support/errors/api-error.js';
import { typed } from '../../http/typed-app.js';
import type { EmulatorDeps } from '../emulator-deps.js';
import { One } from './page-query.js';
import {
  decodeVoicemail,
  Voicemail,
  VoicemailBody,
  VoicemailParams,
} from './phone-number-schemas.js';
import { getNumber } from './phone-number-store.js';
import { duplicateIssue, refuseIssues } from './rule-issues.js';

/** Resource kind of a number's voicemail settings; the id is the number's id. */
const VOICEMAIL_KIND = 'voicemail';
const PATH = '/v2/phone_numbers/:phone_number_id/voicemail';
const TAGS = ['phone numbers'];

type VoicemailSettings = { enabled: boolean; pin: string };

/**
 * A number's voicemail settings (`enabled`, `pin`): created with POST, read, changed with
 * PATCH. The emulator keeps them; its calls never reach a voicemail box.
 */
export function registerVoicemailRoutes(app: FastifyInstance, deps: EmulatorDeps): void {
  const api = typed(app);
  const numberOf = async (request: FastifyRequest) => {
    const accountId = deps.accountId(request);
    const id = pathParam(request, 'phone_number_id');
    const number = await getNumber(deps.store, accountId, id);
    if (number === null) throw new NotFoundError(`Phone number ${id} not found.`);
    const row = await deps.store.getResource(accountId, VOICEMAIL_KIND, number.id);
    return {
      accountId,
      numberId: number.id,
      current: row === null ? null : decodeVoicemail(row.data),
    };
  };
  const save = async (accountId: string, numberId: string, settings: VoicemailSettings) => {
    const now = deps.now();
    await deps.store.putResource({
      accountId,
      kind: VOICEMAIL_KIND,
      id: numberId,
      data: settings,
      createdAt: now,
      updatedAt: now,
    });
    return settings;
  };
  const schema = (summary: string) => ({
    summary,
    tags: TAGS,
    params: VoicemailParams,
    response: { 200: One(Voicemail), '4xx': ErrorEnvelope },
  });
  api.get(PATH, { schema: schema('Get voicemail') }, async (request) => {
    const { current } = await numberOf(request);
    if (current === null) throw new NotFoundError('Voicemail is not set up for this number.');
    return { data: current };
  });
  api.post(
    PATH,
    { schema: { ...schema('Create voicemail'), body: VoicemailBody } },
    async (request) => {
      const { accountId, numberId, current } = await numberOf(request);
      if (current !== null) {
        refuseIssues([duplicateIssue('/', 'Voicemail is set up already; change it with PATCH.')]);
      }
      return {
        data: await save(accountId, numberId, { enabled: false, pin: '', ...request.body }),
      };
    },
  );
  api.patch(
    PATH,
    { schema: { ...schema('Update voicemail'), body: VoicemailBody } },
    async (request) => {
      const { accountId, numberId, current } = await numberOf(request);
      if (current === null) throw new NotFoundError('Voicemail is not set up for this number.');
      return { data: await save(accountId, numberId, { ...current, ...request.body }) };
    },
  );
}

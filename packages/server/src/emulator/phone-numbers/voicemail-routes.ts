import { pathParam } from '../../api/path-param.js';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { NotFoundError } from '../../errors/api-error.js';
import type { JsonObject } from '../../storage/store.js';
import type { EmulatorDeps } from '../emulator-deps.js';
import { asBody, isFieldError, optionalBoolean, optionalString, type Body } from './body-checks.js';
import { fieldErrors, type FieldError } from './field-error.js';
import { getNumber } from './phone-number-store.js';
import { toApiError, valueOrThrow } from './to-api-error.js';

/** Resource kind of a number's voicemail settings; the id is the number's id. */
const VOICEMAIL_KIND = 'voicemail';
const PIN = /^\d{4,10}$/;

type NumberRequest = FastifyRequest<{ Params: { phone_number_id: string } }>;
const PATH = '/v2/phone_numbers/:phone_number_id/voicemail';

/**
 * A number's voicemail settings (`enabled`, `pin`): created with POST, read, changed with
 * PATCH. The emulator keeps them; its calls never reach a voicemail box.
 */
export function registerVoicemailRoutes(app: FastifyInstance, deps: EmulatorDeps): void {
  const numberOf = async (request: NumberRequest) => {
    const accountId = deps.accountId(request);
    const id = pathParam(request, 'phone_number_id');
    const number = await getNumber(deps.store, accountId, id);
    if (number === null) throw new NotFoundError(`Phone number ${id} not found.`);
    const row = await deps.store.getResource(accountId, VOICEMAIL_KIND, number.id);
    return { accountId, numberId: number.id, current: row?.data ?? null };
  };
  app.get(PATH, async (request: NumberRequest) => {
    const { current } = await numberOf(request);
    if (current === null) throw new NotFoundError('Voicemail is not set up for this number.');
    return { data: current };
  });
  app.post(PATH, async (request: NumberRequest) => {
    const { accountId, numberId, current } = await numberOf(request);
    if (current !== null) {
      const detail = 'Voicemail is set up already; change it with PATCH.';
      throw toApiError(fieldErrors.duplicate(detail));
    }
    const fields = valueOrThrow(checkVoicemail(valueOrThrow(asBody(request.body))));
    return { data: await save(deps, accountId, numberId, { enabled: false, pin: '', ...fields }) };
  });
  app.patch(PATH, async (request: NumberRequest) => {
    const { accountId, numberId, current } = await numberOf(request);
    if (current === null) throw new NotFoundError('Voicemail is not set up for this number.');
    const fields = valueOrThrow(checkVoicemail(valueOrThrow(asBody(request.body))));
    return { data: await save(deps, accountId, numberId, { ...current, ...fields }) };
  });
}

function checkVoicemail(body: Body): JsonObject | FieldError[] {
  const enabled = optionalBoolean(body, 'enabled');
  const pin = optionalString(body, 'pin');
  const errors = [enabled, pin].filter(isFieldError);
  if (typeof pin === 'string' && !PIN.test(pin)) {
    errors.push(fieldErrors.invalidValue("'pin' must be 4 to 10 digits.", '/pin'));
  }
  if (errors.length > 0) return errors;
  return {
    ...(typeof enabled === 'boolean' ? { enabled } : {}),
    ...(typeof pin === 'string' ? { pin } : {}),
  };
}

async function save(deps: EmulatorDeps, accountId: string, numberId: string, data: JsonObject) {
  const now = deps.now();
  const pin = data['pin'];
  const settings = { enabled: data['enabled'] === true, pin: typeof pin === 'string' ? pin : '' };
  await deps.store.putResource({
    accountId,
    kind: VOICEMAIL_KIND,
    id: numberId,
    data: settings,
    createdAt: now,
    updatedAt: now,
  });
  return settings;
}

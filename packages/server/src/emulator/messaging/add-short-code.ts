import type { FastifyReply, FastifyRequest } from 'fastify';
import type { EmulatorDeps } from '../emulator-deps.js';
import {
  asBody,
  isFieldError,
  optionalString,
  requiredString,
} from '../phone-numbers/body-checks.js';
import { fieldErrors } from '../phone-numbers/field-error.js';
import { checkProfileRef } from '../phone-numbers/phone-number-changes.js';
import { valueOrThrow } from '../phone-numbers/to-api-error.js';
import { randomUuid } from './random-uuid.js';
import { findShortCode, isShortCode, newShortCode, saveShortCode } from './short-codes.js';

/**
 * `POST /switchboard/short_codes { short_code, messaging_profile_id, country_code? }`: gives
 * the account a short code (Telnyx leases them through an application process), so
 * `/v2/messages/short_code` has something to send from.
 */
export async function addShortCode(
  deps: EmulatorDeps,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  const accountId = deps.accountId(request);
  const body = valueOrThrow(asBody(request.body));
  const code = requiredString(body, 'short_code');
  const country = optionalString(body, 'country_code');
  const profile = await checkProfileRef(deps.store, accountId, body['messaging_profile_id']);
  const errors = [code, country, profile].filter(isFieldError);
  if (typeof profile !== 'string') {
    errors.push(
      fieldErrors.missing("'messaging_profile_id' is required.", '/messaging_profile_id'),
    );
  }
  if (typeof code === 'string' && !isShortCode(code)) {
    errors.push(fieldErrors.invalidValue('A short code is 3 to 8 digits.', '/short_code'));
  } else if (
    typeof code === 'string' &&
    (await findShortCode(deps.store, accountId, code)) !== null
  ) {
    errors.push(
      fieldErrors.duplicate(`The short code ${code} is already on this account.`, '/short_code'),
    );
  }
  valueOrThrow(errors);
  if (typeof code !== 'string' || typeof profile !== 'string') return valueOrThrow(errors);
  const shortCode = newShortCode({
    id: randomUuid(() => deps.random()),
    shortCode: code,
    messagingProfileId: profile,
    countryCode: typeof country === 'string' && country !== '' ? country.toUpperCase() : 'US',
    now: deps.now(),
  });
  await saveShortCode(deps.store, accountId, shortCode);
  void reply.code(201);
  return { data: shortCode };
}

import { AddShortCode, ErrorEnvelope, ShortCode } from '@switchboard/core/contract';
import type { FastifyInstance } from 'fastify';
import { typed } from '../../http/typed-app.js';
import type { EmulatorDeps } from '../emulator-deps.js';
import { One } from '../phone-numbers/page-query.js';
import { checkProfileRef, idOf, referenceIssues } from '../phone-numbers/phone-number-changes.js';
import { duplicateIssue, refuseIssues } from '../phone-numbers/rule-issues.js';
import { randomUuid } from './random-uuid.js';
import { findShortCode, newShortCode, saveShortCode } from './short-codes.js';

/**
 * `POST /switchboard/short_codes { short_code, messaging_profile_id, country_code? }`: gives
 * the account a short code (Telnyx leases them through an application process), so
 * `/v2/messages/short_code` has something to send from.
 */
export function registerShortCodeRoute(app: FastifyInstance, deps: EmulatorDeps): void {
  typed(app).post(
    '/switchboard/short_codes',
    {
      schema: {
        summary: 'Add a short code to the account',
        tags: ['messaging profiles'],
        body: AddShortCode,
        response: { 201: One(ShortCode), '4xx': ErrorEnvelope },
      },
    },
    async (request, reply) => {
      const accountId = deps.accountId(request);
      const body = request.body;
      const profile = await checkProfileRef(deps.store, accountId, body.messaging_profile_id);
      const taken = (await findShortCode(deps.store, accountId, body.short_code)) !== null;
      const detail = `The short code ${body.short_code} is already on this account.`;
      refuseIssues([
        ...referenceIssues([profile]),
        ...(taken ? [duplicateIssue('/short_code', detail)] : []),
      ]);
      const shortCode = newShortCode({
        id: randomUuid(() => deps.random()),
        shortCode: body.short_code,
        messagingProfileId: idOf(profile) ?? body.messaging_profile_id,
        countryCode: body.country_code?.toUpperCase() ?? 'US',
        now: deps.now(),
      });
      await saveShortCode(deps.store, accountId, shortCode);
      return reply.code(201).send({ data: shortCode });
    },
  );
}

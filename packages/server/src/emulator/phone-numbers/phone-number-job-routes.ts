import { ErrorEnvelope } from '@switchboard/core/contract';
import type { FastifyInstance } from 'fastify';
import { pageMeta } from '../../http/page-query.js';
import { pathParam } from '../../http/api/path-param.js';
import { NotFoundError } from '../../support/errors/api-error.js';
import { typed } from '../../http/typed-app.js';
import type { EmulatorDeps } from '../emulator-deps.js';
import { randomUuid } from '../messaging/random-uuid.js';
import { IdParams, One, Page, pageOf, pageRows } from './page-query.js';
import { numberChanges } from './phone-number-changes.js';
import {
  completedJob,
  PHONE_NUMBERS_JOB_KIND,
  type JobOutcome,
  type JobType,
} from './phone-number-jobs.js';
import {
  decodeJob,
  JobListQuery,
  NumberRefsBody,
  OwnershipResult,
  PhoneNumbersJob,
  UpdateNumbersJob,
} from './phone-number-schemas.js';
import type { PhoneNumber } from './phone-number.js';
import { deleteNumber, getNumber, listNumbers, saveNumber } from './phone-number-store.js';
import { refuseIssues, requiredIssue } from './rule-issues.js';
import { patchVoiceSettings } from './voice-settings.js';

const TAGS = ['phone number jobs'];

type Apply = (number: PhoneNumber) => Promise<void>;

/**
 * Bulk jobs on numbers (`/v2/phone_numbers/jobs`) that run to the end in their request, and
 * `POST /v2/phone_numbers/actions/verify_ownership`.
 */
export function registerPhoneNumberJobRoutes(app: FastifyInstance, deps: EmulatorDeps): void {
  const api = typed(app);
  api.post(
    '/v2/phone_numbers/jobs/delete_phone_numbers',
    {
      schema: {
        summary: 'Delete a batch of numbers',
        tags: TAGS,
        body: NumberRefsBody,
        response: { 202: One(PhoneNumbersJob), '4xx': ErrorEnvelope },
      },
    },
    async (request, reply) => {
      const accountId = deps.accountId(request);
      refuseEmpty(request.body.phone_numbers);
      const remove: Apply = (number) => deleteNumber(deps.store, accountId, number.id);
      const job = await runJob(
        deps,
        accountId,
        request.body.phone_numbers,
        'delete_phone_numbers',
        remove,
      );
      return reply.code(202).send({ data: job });
    },
  );
  api.post(
    '/v2/phone_numbers/jobs/update_phone_numbers',
    {
      schema: {
        summary: 'Update a batch of numbers',
        tags: TAGS,
        body: UpdateNumbersJob,
        response: { 202: One(PhoneNumbersJob), '4xx': ErrorEnvelope },
      },
    },
    async (request, reply) => {
      const accountId = deps.accountId(request);
      const { phone_numbers: refs, voice, ...fields } = request.body;
      refuseEmpty(refs);
      // Checked once up front, so a bad reference fails the request before any number changes.
      const changes = await numberChanges(deps.store, accountId, fields);
      const update: Apply = async (number) => {
        await saveNumber(deps.store, accountId, {
          ...number,
          ...changes,
          voice: patchVoiceSettings(number.voice, voice ?? {}),
          updated_at: new Date(deps.now()).toISOString(),
        });
      };
      const job = await runJob(deps, accountId, refs, 'update_phone_numbers', update);
      return reply.code(202).send({ data: job });
    },
  );
  api.get(
    '/v2/phone_numbers/jobs',
    {
      schema: {
        summary: 'List phone numbers jobs',
        tags: TAGS,
        querystring: JobListQuery,
        response: { 200: Page(PhoneNumbersJob), '4xx': ErrorEnvelope },
      },
    },
    async (request) => {
      const page = pageOf(request.query);
      const type = request.query['filter[type]'];
      const rows = await deps.store.listResources(deps.accountId(request), PHONE_NUMBERS_JOB_KIND);
      const jobs = rows
        .map((row) => decodeJob(row.data))
        .filter((job) => type === undefined || job.type === type);
      return { data: pageRows(jobs, page), meta: pageMeta(page, jobs.length) };
    },
  );
  api.get(
    '/v2/phone_numbers/jobs/:id',
    {
      schema: {
        summary: 'Retrieve a phone numbers job',
        tags: TAGS,
        params: IdParams,
        response: { 200: One(PhoneNumbersJob), '4xx': ErrorEnvelope },
      },
    },
    async (request) => {
      const id = pathParam(request, 'id');
      const row = await deps.store.getResource(deps.accountId(request), PHONE_NUMBERS_JOB_KIND, id);
      if (row === null) throw new NotFoundError(`Phone numbers job ${id} not found.`);
      return { data: decodeJob(row.data) };
    },
  );
  api.post(
    '/v2/phone_numbers/actions/verify_ownership',
    {
      schema: {
        summary: 'Verify ownership of phone numbers',
        tags: TAGS,
        body: NumberRefsBody,
        response: { 200: One(OwnershipResult), '4xx': ErrorEnvelope },
      },
    },
    async (request) => {
      const wanted = request.body.phone_numbers;
      refuseEmpty(wanted);
      const owned = await listNumbers(deps.store, deps.accountId(request));
      const byE164 = new Map(owned.map((n) => [n.phone_number, n.id]));
      const found = wanted.filter((n) => byE164.has(n));
      return {
        data: {
          record_type: 'phone_number_ownership' as const,
          found: found.map((n) => ({ id: byE164.get(n) ?? '', number_val_e164: n })),
          not_found: wanted.filter((n) => !byE164.has(n)),
        },
      };
    },
  );
}

/** `phone_numbers` must name at least one number. */
function refuseEmpty(refs: readonly string[]): void {
  if (refs.length > 0) return;
  refuseIssues([requiredIssue('/phone_numbers', "'phone_numbers' must be a non-empty list.")]);
}

async function runJob(
  deps: EmulatorDeps,
  accountId: string,
  refs: readonly string[],
  type: JobType,
  apply: Apply,
): Promise<PhoneNumbersJob> {
  const outcomes: JobOutcome[] = [];
  for (const ref of refs) {
    const number = await getNumber(deps.store, accountId, ref);
    if (number === null) {
      const error = {
        code: '10005',
        title: 'Resource not found',
        detail: `Phone number ${ref} not found.`,
        pointer: '/phone_numbers',
      };
      outcomes.push({ ok: false, phoneNumber: ref, error });
      continue;
    }
    await apply(number);
    outcomes.push({ ok: true, id: number.id, phoneNumber: number.phone_number });
  }
  const job = completedJob({
    id: randomUuid(() => deps.random()),
    type,
    outcomes,
    now: deps.now(),
  });
  const at = Date.parse(job.created_at);
  await deps.store.putResource({
    accountId,
    kind: PHONE_NUMBERS_JOB_KIND,
    id: job.id,
    data: job,
    createdAt: at,
    updatedAt: at,
  });
  return job;
}

import { pathParam } from '../../api/path-param.js';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { pageMeta, parsePage, slicePage } from '../../api/pagination.js';
import { queryParams } from '../../api/query-params.js';
import { valueOrThrow as checkedOrThrow } from '../../api/validation/checked.js';
import { NotFoundError } from '../../errors/api-error.js';
import type { JsonObject } from '../../storage/store.js';
import type { EmulatorDeps } from '../emulator-deps.js';
import { randomUuid } from '../messaging/random-uuid.js';
import { asBody, type Body } from './body-checks.js';
import { fieldErrors, type FieldError } from './field-error.js';
import { stringField } from './json-fields.js';
import { numberChanges } from './phone-number-changes.js';
import {
  completedJob,
  PHONE_NUMBERS_JOB_KIND,
  type JobOutcome,
  type JobType,
} from './phone-number-jobs.js';
import type { PhoneNumber } from './phone-number.js';
import { deleteNumber, getNumber, listNumbers, saveNumber } from './phone-number-store.js';
import { toApiError, valueOrThrow } from './to-api-error.js';
import { DEFAULT_VOICE_SETTINGS, patchVoiceSettings } from './voice-settings.js';

/** Telnyx caps a job at 1,000 numbers. */
const MAX_JOB_NUMBERS = 1000;

/**
 * Bulk jobs on numbers (`/v2/phone_numbers/jobs`) that run to the end in their request, and
 * `POST /v2/phone_numbers/actions/verify_ownership`.
 */
export function registerPhoneNumberJobRoutes(app: FastifyInstance, deps: EmulatorDeps): void {
  app.post('/v2/phone_numbers/jobs/delete_phone_numbers', (request, reply) =>
    runJob(deps, request, reply, 'delete_phone_numbers'),
  );
  app.post('/v2/phone_numbers/jobs/update_phone_numbers', (request, reply) =>
    runJob(deps, request, reply, 'update_phone_numbers'),
  );
  app.get('/v2/phone_numbers/jobs', async (request) => {
    const params = queryParams(request.query);
    const page = checkedOrThrow(parsePage(params));
    const type = params.get('filter[type]');
    const rows = await deps.store.listResources(deps.accountId(request), PHONE_NUMBERS_JOB_KIND);
    const jobs = rows
      .map((row) => row.data)
      .filter((job) => type === undefined || job['type'] === type);
    return { data: slicePage(jobs, page), meta: pageMeta(page, jobs.length) };
  });
  app.get(
    '/v2/phone_numbers/jobs/:id',
    async (request: FastifyRequest<{ Params: { id: string } }>) => {
      const id = pathParam(request, 'id');
      const row = await deps.store.getResource(deps.accountId(request), PHONE_NUMBERS_JOB_KIND, id);
      if (row === null) throw new NotFoundError(`Phone numbers job ${id} not found.`);
      return { data: row.data };
    },
  );
  app.post('/v2/phone_numbers/actions/verify_ownership', async (request) => {
    const wanted = valueOrThrow(numberList(valueOrThrow(asBody(request.body)))).refs;
    const owned = await listNumbers(deps.store, deps.accountId(request));
    const byE164 = new Map(owned.map((n) => [n.phone_number, n.id]));
    const found = wanted.filter((n) => byE164.has(n));
    return {
      data: {
        record_type: 'phone_number_ownership',
        found: found.map((n) => ({ id: byE164.get(n) ?? '', number_val_e164: n })),
        not_found: wanted.filter((n) => !byE164.has(n)),
      },
    };
  });
}

async function runJob(
  deps: EmulatorDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  type: JobType,
) {
  const accountId = deps.accountId(request);
  const body = valueOrThrow(asBody(request.body));
  const numbers = valueOrThrow(numberList(body)).refs;
  const apply =
    type === 'delete_phone_numbers' ? remove : valueOrThrow(await updater(deps, accountId, body));
  const outcomes: JobOutcome[] = [];
  for (const ref of numbers) {
    const number = await getNumber(deps.store, accountId, ref);
    if (number === null) {
      const error = fieldErrors.notFound(`Phone number ${ref} not found.`, '/phone_numbers');
      outcomes.push({ ok: false, phoneNumber: ref, error });
      continue;
    }
    await apply(deps, accountId, number);
    outcomes.push({ ok: true, id: number.id, phoneNumber: number.phone_number });
  }
  const job = completedJob({
    id: randomUuid(() => deps.random()),
    type,
    outcomes,
    now: deps.now(),
  });
  await saveJob(deps, accountId, job);
  return reply.code(202).send({ data: job });
}

type Apply = (deps: EmulatorDeps, accountId: string, number: PhoneNumber) => Promise<void>;

const remove: Apply = (deps, accountId, number) => deleteNumber(deps.store, accountId, number.id);

/** The update every number of the job gets: the number's fields and its voice settings. */
async function updater(
  deps: EmulatorDeps,
  accountId: string,
  body: Body,
): Promise<Apply | FieldError[]> {
  const changes = await numberChanges(deps.store, accountId, body);
  if (Array.isArray(changes)) return changes;
  const voice = body['voice'];
  const voiceBody =
    typeof voice === 'object' && voice !== null && !Array.isArray(voice) ? (voice as Body) : {};
  // Checked once up front, so a bad voice field fails the request before any number changes.
  const check = patchVoiceSettings(DEFAULT_VOICE_SETTINGS, voiceBody);
  if (Array.isArray(check)) return prefixed(check);
  return async (_deps, owner, number) => {
    const patched = patchVoiceSettings(number.voice, voiceBody);
    if (Array.isArray(patched)) throw toApiError(prefixed(patched));
    const updatedAt = new Date(deps.now()).toISOString();
    await saveNumber(deps.store, owner, {
      ...number,
      ...changes,
      voice: patched,
      updated_at: updatedAt,
    });
  };
}

// Voice errors point into `voice` in a job body.
function prefixed(errors: FieldError[]): [FieldError, ...FieldError[]] {
  const moved = errors.map((e) => ({ ...e, pointer: `/voice${e.pointer ?? ''}` }));
  return moved as [FieldError, ...FieldError[]];
}

/** `phone_numbers`: a non-empty list of number ids or +E.164 numbers (wrapped: `valueOrThrow` reads a bare list as errors). */
function numberList(body: Body): { readonly refs: readonly string[] } | FieldError {
  const list = body['phone_numbers'];
  if (!Array.isArray(list) || list.length === 0) {
    return fieldErrors.missing("'phone_numbers' must be a non-empty list.", '/phone_numbers');
  }
  if (
    list.length > MAX_JOB_NUMBERS ||
    !list.every((item) => typeof item === 'string' && item !== '')
  ) {
    return fieldErrors.invalidValue(
      `'phone_numbers' takes 1 to ${MAX_JOB_NUMBERS} number ids or +E.164 numbers.`,
      '/phone_numbers',
    );
  }
  return { refs: list as string[] };
}

async function saveJob(deps: EmulatorDeps, accountId: string, job: JsonObject) {
  const at = Date.parse(stringField(job, 'created_at'));
  await deps.store.putResource({
    accountId,
    kind: PHONE_NUMBERS_JOB_KIND,
    id: stringField(job, 'id'),
    data: job,
    createdAt: at,
    updatedAt: at,
  });
}

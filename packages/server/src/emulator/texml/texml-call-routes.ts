import { pathParam } from '../../api/path-param.js';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { NotFoundError, ValidationError } from '../../errors/api-error.js';
import { invalidIssue } from '../../api/validation/issues.js';
import type { EmulatorDeps } from '../emulator-deps.js';
import {
  ACCOUNT_CALL_PARAMS_SCHEMA,
  ACCOUNT_PARAMS_SCHEMA,
  ID_PARAMS_SCHEMA,
  LIST_QUERY_SCHEMA,
} from './route-schemas.js';
import { findTexmlApplication } from './texml-application-routes.js';
import { voiceSettings } from './texml-application-spec.js';
import { callResourceView, type TexmlCallRecord } from './texml-call-record.js';
import { readCallRequest, readCallUpdate, type TexmlCallRequest } from './texml-call-request.js';
import type { TexmlCalls } from './texml-calls.js';
import { pageOfCalls } from './texml-list-page.js';

type AccountRequest = FastifyRequest<{ Params: { account_sid: string } }>;
type CallRequest = FastifyRequest<{ Params: { account_sid: string; call_sid: string } }>;

/** The TeXML Calls API: initiate (both routes), list, retrieve, update. */
export function registerTexmlCallRoutes(
  app: FastifyInstance,
  deps: EmulatorDeps,
  calls: TexmlCalls,
): void {
  app.post(
    '/v2/texml/calls/:id',
    { schema: { params: ID_PARAMS_SCHEMA } },
    async (request: FastifyRequest<{ Params: { id: string } }>) => {
      const record = await initiate(
        deps,
        calls,
        deps.accountId(request),
        pathParam(request, 'id'),
        readCallRequest(request.body, true),
      );
      return { call_sid: record.sid, from: record.from, to: record.to, status: 'queued' };
    },
  );
  const base = '/v2/texml/Accounts/:account_sid/Calls';
  app.post(base, { schema: { params: ACCOUNT_PARAMS_SCHEMA } }, async (request: AccountRequest) => {
    const accountId = ownAccount(deps, request);
    const body = readCallRequest(request.body, false);
    const record = await initiate(deps, calls, accountId, body.applicationSid ?? '', body);
    return { call_sid: record.sid, from: record.from, to: record.to, status: 'queued' };
  });
  app.get(
    base,
    { schema: { params: ACCOUNT_PARAMS_SCHEMA, querystring: LIST_QUERY_SCHEMA } },
    async (request: AccountRequest) => {
      const accountId = ownAccount(deps, request);
      return pageOfCalls(await calls.list(accountId), request.query, request.url, deps.now());
    },
  );
  const one = { schema: { params: ACCOUNT_CALL_PARAMS_SCHEMA } };
  app.get(`${base}/:call_sid`, one, async (request: CallRequest) =>
    callResourceView(await ownCall(deps, calls, request), deps.now()),
  );
  app.post(`${base}/:call_sid`, one, async (request: CallRequest) => {
    const record = await ownCall(deps, calls, request);
    const update = readCallUpdate(request.body);
    await applyUpdate(calls, record, update);
    return callResourceView(
      (await calls.record(record.accountId, record.sid)) ?? record,
      deps.now(),
    );
  });
}

async function initiate(
  deps: EmulatorDeps,
  calls: TexmlCalls,
  accountId: string,
  applicationId: string,
  body: TexmlCallRequest,
): Promise<TexmlCallRecord> {
  const application = await findTexmlApplication(deps, accountId, applicationId);
  if (application === null)
    throw new ValidationError([
      {
        ...invalidIssue(
          { pointer: '/ApplicationSid' },
          'the id of a TeXML application of this account',
        ),
        code: '10015',
      },
    ]);
  const voice = voiceSettings(application.data);
  return calls.start({
    accountId,
    application,
    from: body.from,
    to: body.to,
    direction: 'outbound-api',
    first: {
      target: body.url ?? voice.target,
      fallbackUrl: body.fallbackUrl ?? voice.fallbackUrl,
      inline: body.texml,
    },
    statusCallback: body.statusCallback,
    timeoutSecs: body.timeoutSecs,
    timeLimitSecs: body.timeLimitSecs,
    script: body.script,
  });
}

async function applyUpdate(
  calls: TexmlCalls,
  record: TexmlCallRecord,
  update: ReturnType<typeof readCallUpdate>,
): Promise<void> {
  if (
    record.endedAt !== null &&
    (update.status !== null || update.url !== null || update.texml !== null)
  )
    throw new ValidationError([
      {
        code: '90018',
        title: 'Call has already ended',
        detail: "This call is no longer active and can't receive commands.",
        pointer: '/call_sid',
      },
    ]);
  if (update.status !== null) {
    await calls.hangup(record.accountId, record.sid);
    return;
  }
  const next = update.url ?? update.texml;
  if (next !== null) calls.redirect(record.sid, next, update.fallbackUrl);
}

/** `{account_sid}` must be the caller's own account (its id); others are not found. */
export function ownAccount(deps: EmulatorDeps, request: AccountRequest): string {
  const accountId = deps.accountId(request);
  if (pathParam(request, 'account_sid') !== accountId)
    throw new NotFoundError('Account not found.');
  return accountId;
}

async function ownCall(
  deps: EmulatorDeps,
  calls: TexmlCalls,
  request: CallRequest,
): Promise<TexmlCallRecord> {
  const accountId = ownAccount(deps, request);
  const sid = pathParam(request, 'call_sid').replace(/\.json$/, '');
  const record = await calls.record(accountId, sid);
  if (record === null) throw new NotFoundError('Call not found.');
  return record;
}

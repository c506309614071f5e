import { ErrorEnvelope, TexmlCallResource } from '@switchboard/core/contract';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { pathParam } from '../../http/api/path-param.js';
import { NotFoundError, ValidationError } from '../../support/errors/api-error.js';
import { typed } from '../../http/typed-app.js';
import { invalidIssue } from '../../http/validation/issues.js';
import type { EmulatorDeps } from '../emulator-deps.js';
import { findTexmlApplication } from './texml-application-routes.js';
import { voiceSettings } from './texml-application-spec.js';
import { callResourceView, type TexmlCallRecord } from './texml-call-record.js';
import {
  callRequestOf,
  callUpdateOf,
  type TexmlCallRequest,
  type TexmlCallUpdate,
} from './texml-call-request.js';
import type { TexmlCalls } from './texml-calls.js';
import { pageOfCalls } from './texml-list-page.js';
import {
  AccountCallParams,
  AccountParams,
  FORM_OR_JSON,
  IdParams,
  InitiatedTexmlCall,
  InitiateTexmlApplicationCall,
  InitiateTexmlCall,
  TexmlCallIndex,
  TexmlCallsQuery,
  UpdateTexmlCall,
} from './texml-route-contract.js';

const TAGS = ['texml'];

/** The TeXML Calls API: initiate (both routes), list, retrieve, update. */
export function registerTexmlCallRoutes(
  app: FastifyInstance,
  deps: EmulatorDeps,
  calls: TexmlCalls,
): void {
  const api = typed(app);
  const initiated = { 200: InitiatedTexmlCall, '4xx': ErrorEnvelope };
  api.post(
    '/v2/texml/calls/:id',
    {
      schema: {
        summary: 'Initiate an outbound TeXML call of an application',
        tags: TAGS,
        consumes: FORM_OR_JSON,
        params: IdParams,
        body: InitiateTexmlApplicationCall,
        response: initiated,
      },
    },
    async (request) => {
      const body = callRequestOf(request.body, request.body.Method ?? 'POST');
      const record = await initiate(
        deps,
        calls,
        deps.accountId(request),
        pathParam(request, 'id'),
        body,
      );
      return { call_sid: record.sid, from: record.from, to: record.to, status: 'queued' as const };
    },
  );
  const base = '/v2/texml/Accounts/:account_sid/Calls';
  api.post(
    base,
    {
      schema: {
        summary: 'Initiate an outbound TeXML call',
        tags: TAGS,
        consumes: FORM_OR_JSON,
        params: AccountParams,
        body: InitiateTexmlCall,
        response: initiated,
      },
    },
    async (request) => {
      const accountId = ownAccount(deps, request);
      const body = callRequestOf(request.body, request.body.UrlMethod ?? 'POST');
      const record = await initiate(deps, calls, accountId, request.body.ApplicationSid, body);
      return { call_sid: record.sid, from: record.from, to: record.to, status: 'queued' as const };
    },
  );
  api.get(
    base,
    {
      schema: {
        summary: 'List TeXML calls',
        tags: TAGS,
        params: AccountParams,
        querystring: TexmlCallsQuery,
        response: { 200: TexmlCallIndex, '4xx': ErrorEnvelope },
      },
    },
    async (request) => {
      const accountId = ownAccount(deps, request);
      return pageOfCalls(await calls.list(accountId), request.query, request.url, deps.now());
    },
  );
  const one = {
    tags: TAGS,
    params: AccountCallParams,
    response: { 200: TexmlCallResource, '4xx': ErrorEnvelope },
  };
  api.get(
    `${base}/:call_sid`,
    { schema: { ...one, summary: 'Retrieve a TeXML call' } },
    async (request) => callResourceView(await ownCall(deps, calls, request), deps.now()),
  );
  api.post(
    `${base}/:call_sid`,
    {
      schema: {
        ...one,
        summary: 'Update a TeXML call: end it, or move it to another document',
        consumes: FORM_OR_JSON,
        body: UpdateTexmlCall,
      },
    },
    async (request) => {
      const record = await ownCall(deps, calls, request);
      await applyUpdate(calls, record, callUpdateOf(request.body));
      return callResourceView(
        (await calls.record(record.accountId, record.sid)) ?? record,
        deps.now(),
      );
    },
  );
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
  const voice = voiceSettings(application);
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
  update: TexmlCallUpdate,
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
export function ownAccount(deps: EmulatorDeps, request: FastifyRequest): string {
  const accountId = deps.accountId(request);
  if (pathParam(request, 'account_sid') !== accountId)
    throw new NotFoundError('Account not found.');
  return accountId;
}

async function ownCall(
  deps: EmulatorDeps,
  calls: TexmlCalls,
  request: FastifyRequest,
): Promise<TexmlCallRecord> {
  const accountId = ownAccount(deps, request);
  const sid = pathParam(request, 'call_sid').replace(/\.json$/, '');
  const record = await calls.record(accountId, sid);
  if (record === null) throw new NotFoundError('Call not found.');
  return record;
}

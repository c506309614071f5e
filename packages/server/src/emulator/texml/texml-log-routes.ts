import {
  ErrorEnvelope,
  TexmlDashboardCallDetail,
  TexmlDashboardCalls,
  type TexmlDashboardCall,
} from '@switchboard/core/contract';
import type { FastifyInstance } from 'fastify';
import { pathParam } from '../../http/api/path-param.js';
import { NotFoundError } from '../../support/errors/api-error.js';
import { typed } from '../../http/typed-app.js';
import type { EmulatorDeps } from '../emulator-deps.js';
import { callResourceView, type TexmlCallRecord } from './texml-call-record.js';
import type { TexmlCalls } from './texml-calls.js';
import { IdParams } from './texml-route-contract.js';

const TAGS = ['texml'];

/**
 * `GET /switchboard/texml/calls[/{sid}]`: Switchboard's own view of TeXML calls, with what
 * the REST API's `CallResource` lacks: the requests made, the documents received and the
 * verbs run, in order (the dashboard's TeXML view and tests read it).
 */
export function registerTexmlLogRoutes(
  app: FastifyInstance,
  deps: EmulatorDeps,
  calls: TexmlCalls,
): void {
  const api = typed(app);
  api.get(
    '/switchboard/texml/calls',
    {
      schema: {
        summary: 'TeXML calls of the account, newest first',
        tags: TAGS,
        response: { 200: TexmlDashboardCalls, '4xx': ErrorEnvelope },
      },
    },
    async (request) => {
      const records = await calls.list(deps.accountId(request));
      return {
        data: records
          .sort((a, b) => b.startedAt - a.startedAt)
          .map((record) => dashboardCall(record, deps.now())),
      };
    },
  );
  api.get(
    '/switchboard/texml/calls/:id',
    {
      schema: {
        summary: 'One TeXML call with its requests, documents and verbs in order',
        tags: TAGS,
        params: IdParams,
        response: { 200: TexmlDashboardCallDetail, '4xx': ErrorEnvelope },
      },
    },
    async (request) => {
      const record = await calls.record(deps.accountId(request), pathParam(request, 'id'));
      if (record === null) throw new NotFoundError('TeXML call not found.');
      return {
        data: {
          ...dashboardCall(record, deps.now()),
          log: record.log.map((entry) => ({ ...entry, at: new Date(entry.at).toISOString() })),
        },
      };
    },
  );
}

function dashboardCall(record: TexmlCallRecord, now: number): TexmlDashboardCall {
  return { ...callResourceView(record, now), application_id: record.applicationId };
}

import { pathParam } from '../../api/path-param.js';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { NotFoundError } from '../../errors/api-error.js';
import type { EmulatorDeps } from '../emulator-deps.js';
import { ID_PARAMS_SCHEMA } from './route-schemas.js';
import { callResourceView } from './texml-call-record.js';
import type { TexmlCalls } from './texml-calls.js';

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
  app.get('/switchboard/texml/calls', async (request) => {
    const records = await calls.list(deps.accountId(request));
    return {
      data: records
        .sort((a, b) => b.startedAt - a.startedAt)
        .map((record) => ({
          ...callResourceView(record, deps.now()),
          application_id: record.applicationId,
        })),
    };
  });
  app.get(
    '/switchboard/texml/calls/:id',
    { schema: { params: ID_PARAMS_SCHEMA } },
    async (request: FastifyRequest<{ Params: { id: string } }>) => {
      const record = await calls.record(deps.accountId(request), pathParam(request, 'id'));
      if (record === null) throw new NotFoundError('TeXML call not found.');
      return {
        data: {
          ...callResourceView(record, deps.now()),
          application_id: record.applicationId,
          log: record.log.map((entry) => ({ ...entry, at: new Date(entry.at).toISOString() })),
        },
      };
    },
  );
}

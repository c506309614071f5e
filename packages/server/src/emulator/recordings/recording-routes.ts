import { ErrorEnvelope } from '@switchboard/core/contract';
import type { FastifyInstance } from 'fastify';
import { pageMeta, slicePage } from '../../http/page-query.js';
import { pageOf } from '../../http/page-query.js';
import { typed } from '../../http/typed-app.js';
import type { EmulatorDeps } from '../emulator-deps.js';
import type { RecordingBook } from './recording-book.js';
import {
  DeleteRecordings,
  DeleteRecordingsResponse,
  RecordingListQuery,
  RecordingListResponse,
  RecordingParams,
  RecordingResponse,
} from './recording-contract.js';
import { filterRecordings } from './recording-filter.js';
import { recordingView } from './recording-record.js';

const tags = ['recordings'];

/** `/v2/recordings*`: list (with the spec's filters), retrieve, delete and bulk delete. */
export function registerRecordingApiRoutes(
  scope: FastifyInstance,
  recordings: RecordingBook,
  deps: EmulatorDeps,
): void {
  const app = typed(scope);
  app.get(
    '/v2/recordings',
    {
      schema: {
        summary: 'List recordings',
        tags,
        querystring: RecordingListQuery,
        response: { 200: RecordingListResponse, '4xx': ErrorEnvelope },
      },
    },
    async (request) => {
      const page = pageOf(request.query);
      const rows = filterRecordings(await recordings.list(deps.accountId(request)), request.query);
      return { data: slicePage(rows, page).map(recordingView), meta: pageMeta(page, rows.length) };
    },
  );
  app.get(
    '/v2/recordings/:id',
    {
      schema: {
        summary: 'Retrieve a recording',
        tags,
        params: RecordingParams,
        response: { 200: RecordingResponse, '4xx': ErrorEnvelope },
      },
    },
    async (request) => ({
      data: recordingView(await recordings.get(deps.accountId(request), request.params.id)),
    }),
  );
  app.delete(
    '/v2/recordings/:id',
    {
      schema: {
        summary: 'Delete a recording',
        tags,
        params: RecordingParams,
        response: { 200: RecordingResponse, '4xx': ErrorEnvelope },
      },
    },
    async (request) => ({
      data: recordingView(await recordings.delete(deps.accountId(request), request.params.id)),
    }),
  );
  app.post(
    '/v2/recordings/actions/delete',
    {
      schema: {
        summary: 'Delete a list of recordings',
        tags,
        body: DeleteRecordings,
        response: { 200: DeleteRecordingsResponse, '4xx': ErrorEnvelope },
      },
    },
    async (request) => {
      await recordings.deleteMany(deps.accountId(request), request.body.ids);
      return { status: 'ok' as const };
    },
  );
}

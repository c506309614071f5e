import type { FastifyInstance, FastifyRequest } from 'fastify';
import { pageMeta, parsePage, slicePage } from '../../api/pagination.js';
import { queryParams } from '../../api/query-params.js';
import { valueOrThrow } from '../../api/validation/checked.js';
import { invalidIssue, missingIssue } from '../../api/validation/issues.js';
import { ValidationError } from '../../errors/api-error.js';
import { isRecord } from '../calls/body-reader.js';
import type { EmulatorDeps } from '../emulator-deps.js';
import type { RecordingBook } from './recording-book.js';
import { filterRecordings } from './recording-filter.js';
import { recordingView } from './recording-record.js';

type IdRequest = FastifyRequest<{ Params: { id: string } }>;

/** `/v2/recordings*`: list (with the spec's filters), retrieve, delete and bulk delete. */
export function registerRecordingApiRoutes(
  scope: FastifyInstance,
  recordings: RecordingBook,
  deps: EmulatorDeps,
): void {
  const account = (request: FastifyRequest): string => deps.accountId(request);
  scope.get('/v2/recordings', async (request) => {
    const params = queryParams(request.query);
    const page = valueOrThrow(parsePage(params));
    const rows = filterRecordings(await recordings.list(account(request)), params);
    return { data: slicePage(rows, page).map(recordingView), meta: pageMeta(page, rows.length) };
  });
  scope.get('/v2/recordings/:id', async (request: IdRequest) => ({
    data: recordingView(await recordings.get(account(request), request.params.id)),
  }));
  scope.delete('/v2/recordings/:id', async (request: IdRequest) => ({
    data: recordingView(await recordings.delete(account(request), request.params.id)),
  }));
  scope.post('/v2/recordings/actions/delete', async (request) => {
    await recordings.deleteMany(account(request), readIds(request.body));
    return { status: 'ok' };
  });
}

function readIds(body: unknown): string[] {
  const ids = isRecord(body) ? body['ids'] : undefined;
  if (ids === undefined) throw new ValidationError([missingIssue({ pointer: '/ids' })]);
  if (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string'))
    throw new ValidationError([invalidIssue({ pointer: '/ids' }, 'an array of recording ids')]);
  return ids;
}

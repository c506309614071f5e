import { pathParam } from '../../api/path-param.js';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { pageMeta, parsePage, slicePage } from '../../api/pagination.js';
import { queryParams } from '../../api/query-params.js';
import { valueOrThrow as checkedOrThrow } from '../../api/validation/checked.js';
import { enumIssue } from '../../api/validation/issues.js';
import { NotFoundError, ValidationError } from '../../errors/api-error.js';
import type { JsonObject } from '../../storage/store.js';
import type { EmulatorDeps } from '../emulator-deps.js';
import { randomUuid } from '../messaging/random-uuid.js';
import { CSV_DOWNLOAD_KIND, numbersCsv } from './csv-download.js';
import { stringField } from './json-fields.js';
import { filterNumbers } from './phone-number-filter.js';
import { listNumbers } from './phone-number-store.js';

type IdRequest = FastifyRequest<{ Params: { id: string } }>;
const FORMATS = ['V1', 'V2'] as const;

/**
 * CSV exports of the number inventory: made at once (`status: complete`), the file served at
 * the download's `url` with the API key, like the rest of the API.
 */
export function registerCsvDownloadRoutes(app: FastifyInstance, deps: EmulatorDeps): void {
  app.post('/v2/phone_numbers/csv_downloads', async (request) => {
    const accountId = deps.accountId(request);
    const params = queryParams(request.query);
    const format = params.get('csv_format') ?? 'V1';
    if (format !== 'V1' && format !== 'V2') {
      throw new ValidationError([enumIssue({ parameter: 'csv_format' }, FORMATS)]);
    }
    const numbers = filterNumbers(await listNumbers(deps.store, accountId), params);
    const id = randomUuid(() => deps.random());
    const now = deps.now();
    const download = {
      id,
      record_type: 'csv_download',
      status: 'complete',
      url: `${deps.baseUrl}/switchboard/phone_numbers/csv_downloads/${id}.csv`,
    };
    await deps.store.putResource({
      accountId,
      kind: CSV_DOWNLOAD_KIND,
      id,
      data: { ...download, csv: numbersCsv(numbers, format) },
      createdAt: now,
      updatedAt: now,
    });
    return { data: [download] };
  });
  app.get('/v2/phone_numbers/csv_downloads', async (request) => {
    const page = checkedOrThrow(parsePage(queryParams(request.query)));
    const rows = await deps.store.listResources(deps.accountId(request), CSV_DOWNLOAD_KIND);
    const downloads = rows.map((row) => view(row.data));
    return { data: slicePage(downloads, page), meta: pageMeta(page, downloads.length) };
  });
  app.get('/v2/phone_numbers/csv_downloads/:id', async (request: IdRequest) => ({
    data: [view(await load(deps, request, pathParam(request, 'id')))],
  }));
  app.get(
    '/switchboard/phone_numbers/csv_downloads/:file',
    async (request: FastifyRequest<{ Params: { file: string } }>, reply: FastifyReply) => {
      const id = pathParam(request, 'file').replace(/\.csv$/, '');
      const data = await load(deps, request, id);
      return reply.type('text/csv; charset=utf-8').send(stringField(data, 'csv'));
    },
  );
}

async function load(deps: EmulatorDeps, request: FastifyRequest, id: string) {
  const row = await deps.store.getResource(deps.accountId(request), CSV_DOWNLOAD_KIND, id);
  if (row === null) throw new NotFoundError(`CSV download ${id} not found.`);
  return row.data;
}

/** The spec's `CsvDownload` (the file's text stays out of it). */
function view(data: JsonObject): JsonObject {
  return Object.fromEntries(Object.entries(data).filter(([key]) => key !== 'csv'));
}

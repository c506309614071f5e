import { CsvFileParams, CsvFormat, ErrorEnvelope } from '@switchboard/core/contract';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import Type from 'typebox';
import { pageMeta } from '../../http/page-query.js';
import { pathParam } from '../../http/api/path-param.js';
import { NotFoundError } from '../../support/errors/api-error.js';
import { typed } from '../../http/typed-app.js';
import type { EmulatorDeps } from '../emulator-deps.js';
import { randomUuid } from '../messaging/random-uuid.js';
import { CSV_DOWNLOAD_KIND, numbersCsv } from './csv-download.js';
import { IdParams, Page, PageQuery, pageOf, pageRows, paramsOf } from './page-query.js';
import { filterNumbers } from './phone-number-filter.js';
import { CsvDownload, decodeCsvDownload, NumberFilterQuery } from './phone-number-schemas.js';
import { listNumbers } from './phone-number-store.js';

const TAGS = ['phone numbers'];
const Downloads = Type.Object({ data: Type.Array(CsvDownload) });

/**
 * CSV exports of the number inventory: made at once (`status: complete`), the file served at
 * the download's `url` with the API key, like the rest of the API.
 */
export function registerCsvDownloadRoutes(app: FastifyInstance, deps: EmulatorDeps): void {
  const api = typed(app);
  api.post(
    '/v2/phone_numbers/csv_downloads',
    {
      schema: {
        summary: 'Create a CSV download',
        tags: TAGS,
        querystring: Type.Object({ csv_format: Type.Optional(CsvFormat), ...NumberFilterQuery }),
        response: { 200: Downloads, '4xx': ErrorEnvelope },
      },
    },
    async (request) => {
      const accountId = deps.accountId(request);
      const numbers = filterNumbers(
        await listNumbers(deps.store, accountId),
        paramsOf(request.query),
      );
      const id = randomUuid(() => deps.random());
      const now = deps.now();
      const download = {
        id,
        record_type: 'csv_download' as const,
        status: 'complete',
        url: `${deps.baseUrl}/switchboard/phone_numbers/csv_downloads/${id}.csv`,
      };
      const csv = numbersCsv(numbers, request.query.csv_format ?? 'V1');
      await deps.store.putResource({
        accountId,
        kind: CSV_DOWNLOAD_KIND,
        id,
        data: { ...download, csv },
        createdAt: now,
        updatedAt: now,
      });
      return { data: [download] };
    },
  );
  api.get(
    '/v2/phone_numbers/csv_downloads',
    {
      schema: {
        summary: 'List CSV downloads',
        tags: TAGS,
        querystring: Type.Object(PageQuery),
        response: { 200: Page(CsvDownload), '4xx': ErrorEnvelope },
      },
    },
    async (request) => {
      const page = pageOf(request.query);
      const rows = await deps.store.listResources(deps.accountId(request), CSV_DOWNLOAD_KIND);
      const downloads = rows.map((row) => view(decodeCsvDownload(row.data)));
      return { data: pageRows(downloads, page), meta: pageMeta(page, downloads.length) };
    },
  );
  api.get(
    '/v2/phone_numbers/csv_downloads/:id',
    {
      schema: {
        summary: 'Retrieve a CSV download',
        tags: TAGS,
        params: IdParams,
        response: { 200: Downloads, '4xx': ErrorEnvelope },
      },
    },
    async (request) => ({ data: [view(await load(deps, request, pathParam(request, 'id')))] }),
  );
  api.get(
    '/switchboard/phone_numbers/csv_downloads/:file',
    {
      schema: {
        summary: 'Download the file of a CSV download',
        tags: TAGS,
        params: CsvFileParams,
        response: {
          200: Type.String({ description: 'The CSV (text/csv)' }),
          '4xx': ErrorEnvelope,
        },
      },
    },
    async (request, reply) => {
      const id = pathParam(request, 'file').replace(/\.csv$/, '');
      const { csv } = await load(deps, request, id);
      return reply.type('text/csv; charset=utf-8').send(csv);
    },
  );
}

async function load(deps: EmulatorDeps, request: FastifyRequest, id: string) {
  const row = await deps.store.getResource(deps.accountId(request), CSV_DOWNLOAD_KIND, id);
  if (row === null) throw new NotFoundError(`CSV download ${id} not found.`);
  return decodeCsvDownload(row.data);
}

/** The spec's `CsvDownload` (the file's text stays out of it). */
function view({ csv: _file, ...download }: { csv: string } & CsvDownload) {
  return download;
}

type CsvDownload = Type.Static<typeof CsvDownload>;

import { pathParam } from '../../api/path-param.js';
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Dispatcher } from 'undici';
import { pageMeta, parsePage, slicePage } from '../../api/pagination.js';
import { queryParams } from '../../api/query-params.js';
import { valueOrThrow as checkedOrThrow } from '../../api/validation/checked.js';
import { NotFoundError } from '../../errors/api-error.js';
import type { EmulatorDeps } from '../emulator-deps.js';
import { mediaContentType } from '../messaging/media-content-type.js';
import { randomUuid } from '../messaging/random-uuid.js';
import { fieldErrors } from '../phone-numbers/field-error.js';
import { toApiError, valueOrThrow } from '../phone-numbers/to-api-error.js';
import { fetchMedia } from './fetch-media.js';
import { readUpload, type MediaSource, type MediaUpload } from './media-upload.js';
import { deleteMedia, findMedia, listMedia, saveMedia } from './media-store.js';
import { DEFAULT_TTL_SECS, MAX_MEDIA_BYTES, mediaView, type StoredMedia } from './stored-media.js';

type NameRequest = FastifyRequest<{ Params: { media_name: string } }>;

/**
 * Media storage (`/v2/media`): upload by URL (fetched through the engine's outbound client)
 * or as a multipart file, list, read, replace, download and delete. Its own scope carries the
 * multipart parser.
 */
export function registerMediaRoutes(
  app: FastifyInstance,
  deps: EmulatorDeps,
  dispatcher: Dispatcher | undefined,
): void {
  void app.register(async (scope) => {
    await scope.register(multipart, { limits: { fileSize: MAX_MEDIA_BYTES, files: 1 } });
    const load = async (request: NameRequest) => {
      const accountId = deps.accountId(request);
      const media = await findMedia(
        deps.store,
        accountId,
        pathParam(request, 'media_name'),
        deps.now(),
      );
      if (media === null)
        throw new NotFoundError(`Media ${pathParam(request, 'media_name')} not found.`);
      return [accountId, media] as const;
    };
    scope.post('/v2/media', async (request, reply) => {
      const accountId = deps.accountId(request);
      const upload = valueOrThrow(await readUpload(request));
      const media = await create(deps, dispatcher, accountId, upload);
      return reply.code(201).send({ data: mediaView(media) });
    });
    scope.get('/v2/media', async (request) => {
      const params = queryParams(request.query);
      const page = checkedOrThrow(parsePage(params));
      const wanted = contentTypes(request.query);
      const all = await listMedia(deps.store, deps.accountId(request), deps.now());
      const media = all.filter((m) => wanted.length === 0 || wanted.includes(m.contentType));
      return { data: slicePage(media, page).map(mediaView), meta: pageMeta(page, media.length) };
    });
    scope.get('/v2/media/:media_name', async (request: NameRequest) => ({
      data: mediaView((await load(request))[1]),
    }));
    scope.put('/v2/media/:media_name', async (request: NameRequest) => {
      const [accountId, current] = await load(request);
      const upload = valueOrThrow(await readUpload(request));
      return { data: mediaView(await replace(deps, dispatcher, accountId, current, upload)) };
    });
    scope.get(
      '/v2/media/:media_name/download',
      async (request: NameRequest, reply: FastifyReply) => {
        const [, media] = await load(request);
        return reply.type(media.contentType).send(media.bytes);
      },
    );
    scope.delete('/v2/media/:media_name', async (request: NameRequest, reply: FastifyReply) => {
      const [accountId, media] = await load(request);
      await deleteMedia(deps.store, accountId, media.mediaName);
      return reply.code(204).send();
    });
  });
}

async function create(
  deps: EmulatorDeps,
  dispatcher: Dispatcher | undefined,
  accountId: string,
  upload: MediaUpload,
): Promise<StoredMedia> {
  if (upload.source === null) {
    throw toApiError(fieldErrors.missing("Give 'media_url' or a 'media' file.", '/media_url'));
  }
  const name = upload.mediaName ?? nameOf(upload.source) ?? randomUuid(() => deps.random());
  if ((await findMedia(deps.store, accountId, name, deps.now())) !== null) {
    throw toApiError(
      fieldErrors.duplicate(
        `Media ${name} exists already; replace it with PUT /v2/media/${name}.`,
        '/media_name',
      ),
    );
  }
  const content = valueOrThrow(await bytesOf(upload.source, dispatcher));
  const now = deps.now();
  const media: StoredMedia = {
    mediaName: name,
    ...content,
    createdAt: now,
    updatedAt: now,
    expiresAt: now + (upload.ttlSecs ?? DEFAULT_TTL_SECS) * 1000,
  };
  await saveMedia(deps.store, accountId, media);
  return media;
}

/** `PUT`: new bytes and/or a new lifetime counted from now; the name stays. */
async function replace(
  deps: EmulatorDeps,
  dispatcher: Dispatcher | undefined,
  accountId: string,
  current: StoredMedia,
  upload: MediaUpload,
): Promise<StoredMedia> {
  if (upload.source === null && upload.ttlSecs === null) {
    throw toApiError(
      fieldErrors.missing("Give 'media_url', a 'media' file or 'ttl_secs'.", '/media_url'),
    );
  }
  const content =
    upload.source === null ? null : valueOrThrow(await bytesOf(upload.source, dispatcher));
  const now = deps.now();
  const media: StoredMedia = {
    ...current,
    ...(content ?? {}),
    updatedAt: now,
    expiresAt: upload.ttlSecs === null ? current.expiresAt : now + upload.ttlSecs * 1000,
  };
  await saveMedia(deps.store, accountId, media);
  return media;
}

async function bytesOf(source: MediaSource, dispatcher: Dispatcher | undefined) {
  if (source.kind === 'file') return { bytes: source.bytes, contentType: source.contentType };
  const fetched = await fetchMedia(source.url, dispatcher);
  if ('code' in fetched) return fetched;
  return { bytes: fetched.bytes, contentType: fetched.contentType ?? mediaContentType(source.url) };
}

/** The file name of an upload, or the last segment of its URL. */
function nameOf(source: MediaSource): string | null {
  if (source.kind === 'file') return source.filename;
  const last = new URL(source.url).pathname.split('/').pop() ?? '';
  return last === '' ? null : decodedSegment(last);
}

/** A URL path segment decoded; one with a stray `%` (`a%zz.mp3`) is a name as it stands. */
function decodedSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** `filter[content_type]`: comma-separated as the SDKs send it, or repeated with `[]`. */
function contentTypes(query: unknown): string[] {
  const raw = (query as Record<string, unknown> | null) ?? {};
  const value = raw['filter[content_type][]'] ?? raw['filter[content_type]'];
  const list = Array.isArray(value) ? value : [value];
  return list
    .flatMap((item) => (typeof item === 'string' ? item.split(',') : []))
    .filter((item) => item !== '');
}

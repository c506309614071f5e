import { ErrorEnvelope } from '@switchboard/core/contract';
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import Type from 'typebox';
import type { Dispatcher } from 'undici';
import { pageMeta, slicePage } from '../../http/page-query.js';
import { NotFoundError, ValidationError } from '../../support/errors/api-error.js';
import { pageOf } from '../../http/page-query.js';
import { typed } from '../../http/typed-app.js';
import { missingIssue } from '../../http/validation/issues.js';
import type { EmulatorDeps } from '../emulator-deps.js';
import { mediaContentType } from '../messaging/media-content-type.js';
import { randomUuid } from '../messaging/random-uuid.js';
import { fetchMedia } from './fetch-media.js';
import {
  MediaListQuery,
  MediaListResponse,
  MediaParams,
  MediaResponse,
  UploadMedia,
} from './media-contract.js';
import { readUpload, type MediaSource, type MediaUpload } from './media-upload.js';
import { deleteMedia, findMedia, listMedia, saveMedia } from './media-store.js';
import { DEFAULT_TTL_SECS, MAX_MEDIA_BYTES, mediaView, type StoredMedia } from './stored-media.js';

const tags = ['media'];
const CONSUMES = ['application/json', 'multipart/form-data'];
const NoContent = Type.Unsafe<undefined>({ description: 'No content' });
const Download = Type.Unsafe<Buffer>({
  type: 'string',
  format: 'binary',
  description: 'The file, with its content type',
});

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
  void app.register(async (plain) => {
    await plain.register(multipart, { limits: { fileSize: MAX_MEDIA_BYTES, files: 1 } });
    const scope = typed(plain);
    const load = async (request: FastifyRequest, name: string) => {
      const accountId = deps.accountId(request);
      const media = await findMedia(deps.store, accountId, name, deps.now());
      if (media === null) throw new NotFoundError(`Media ${name} not found.`);
      return [accountId, media] as const;
    };
    scope.post(
      '/v2/media',
      {
        schema: {
          summary: 'Upload media',
          tags,
          consumes: CONSUMES,
          body: UploadMedia,
          response: { 201: MediaResponse, '4xx': ErrorEnvelope },
        },
      },
      async (request, reply) => {
        const accountId = deps.accountId(request);
        const upload = await readUpload(request, request.body);
        const media = await create(deps, dispatcher, accountId, upload);
        return reply.code(201).send({ data: mediaView(media) });
      },
    );
    scope.get(
      '/v2/media',
      {
        schema: {
          summary: 'List uploaded media',
          tags,
          querystring: MediaListQuery,
          response: { 200: MediaListResponse, '4xx': ErrorEnvelope },
        },
      },
      async (request) => {
        const page = pageOf(request.query);
        const wanted = contentTypes(request.query);
        const all = await listMedia(deps.store, deps.accountId(request), deps.now());
        const media = all.filter((m) => wanted.length === 0 || wanted.includes(m.contentType));
        return { data: slicePage(media, page).map(mediaView), meta: pageMeta(page, media.length) };
      },
    );
    scope.get(
      '/v2/media/:media_name',
      {
        schema: {
          summary: 'Retrieve stored media',
          tags,
          params: MediaParams,
          response: { 200: MediaResponse, '4xx': ErrorEnvelope },
        },
      },
      async (request) => ({
        data: mediaView((await load(request, request.params.media_name))[1]),
      }),
    );
    scope.put(
      '/v2/media/:media_name',
      {
        schema: {
          summary: 'Update stored media',
          tags,
          consumes: CONSUMES,
          params: MediaParams,
          body: UploadMedia,
          response: { 200: MediaResponse, '4xx': ErrorEnvelope },
        },
      },
      async (request) => {
        const [accountId, current] = await load(request, request.params.media_name);
        const upload = await readUpload(request, request.body);
        return { data: mediaView(await replace(deps, dispatcher, accountId, current, upload)) };
      },
    );
    scope.get(
      '/v2/media/:media_name/download',
      {
        schema: {
          summary: 'Download stored media',
          tags,
          params: MediaParams,
          response: { 200: Download, '4xx': ErrorEnvelope },
        },
      },
      async (request, reply) => {
        const [, media] = await load(request, request.params.media_name);
        return reply.type(media.contentType).send(media.bytes);
      },
    );
    scope.delete(
      '/v2/media/:media_name',
      {
        schema: {
          summary: 'Delete stored media',
          tags,
          params: MediaParams,
          response: { 204: NoContent, '4xx': ErrorEnvelope },
        },
      },
      async (request, reply) => {
        const [accountId, media] = await load(request, request.params.media_name);
        await deleteMedia(deps.store, accountId, media.mediaName);
        return reply.code(204).send();
      },
    );
  });
}

async function create(
  deps: EmulatorDeps,
  dispatcher: Dispatcher | undefined,
  accountId: string,
  upload: MediaUpload,
): Promise<StoredMedia> {
  if (upload.source === null) {
    throw new ValidationError([
      { ...missingIssue({ pointer: '/media_url' }), detail: "Give 'media_url' or a 'media' file." },
    ]);
  }
  const name = upload.mediaName ?? nameOf(upload.source) ?? randomUuid(() => deps.random());
  if ((await findMedia(deps.store, accountId, name, deps.now())) !== null) {
    throw new ValidationError([
      {
        code: '10012',
        title: 'Duplicate resource',
        detail: `Media ${name} exists already; replace it with PUT /v2/media/${name}.`,
        pointer: '/media_name',
      },
    ]);
  }
  const content = await bytesOf(upload.source, dispatcher);
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
    throw new ValidationError([
      {
        ...missingIssue({ pointer: '/media_url' }),
        detail: "Give 'media_url', a 'media' file or 'ttl_secs'.",
      },
    ]);
  }
  const content = upload.source === null ? null : await bytesOf(upload.source, dispatcher);
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

/** The bytes of an upload and their type; a URL that gives nothing to keep is a 422. */
async function bytesOf(
  source: MediaSource,
  dispatcher: Dispatcher | undefined,
): Promise<{ bytes: Buffer; contentType: string }> {
  if (source.kind === 'file') return { bytes: source.bytes, contentType: source.contentType };
  const fetched = await fetchMedia(source.url, dispatcher);
  if (fetched.kind === 'refused') throw new ValidationError([fetched.issue]);
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
function contentTypes(query: MediaListQuery): string[] {
  const value = query['filter[content_type][]'] ?? query['filter[content_type]'];
  const list = value === undefined ? [] : Array.isArray(value) ? value : [value];
  return list.flatMap((item) => item.split(',')).filter((item) => item !== '');
}

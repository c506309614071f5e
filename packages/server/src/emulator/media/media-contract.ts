import { HttpUrl, Int, LENIENT } from '@switchboard/core/contract';
import Type, { type Static } from 'typebox';
import { PAGE_QUERY, PageMeta } from '../../http/page-query.js';

/** Declarations of `/v2/media*`. */

/** Spec: "The maximum allowed value is 630720000" (20 years). */
export const MAX_TTL_SECS = 630_720_000;

/**
 * `POST /v2/media` and `PUT /v2/media/{name}`: as JSON, or as multipart form data whose text
 * parts are these fields and whose `media` part is the file. Form fields arrive as text, so
 * the body reads leniently (`"3600"` is 3600); the form's fields are checked against this same
 * declaration once read.
 */
export const UploadMedia = Type.Object(
  {
    media_url: Type.Optional(HttpUrl({ description: 'Where to fetch the file' })),
    media_name: Type.Optional(
      // Names end up in paths, so no slashes; Telnyx documents no pattern.
      Type.String({ pattern: '^[^/\\\\]{1,255}$', description: 'Defaults to the file name' }),
    ),
    ttl_secs: Type.Optional(Int(1, MAX_TTL_SECS)),
  },
  {
    [LENIENT]: true,
    description: 'Or multipart/form-data: the same fields and a `media` file part',
  },
);

/**
 * `filter[content_type]` comma-separated, as the SDKs send it, or `filter[content_type][]`
 * (a repeated key keeps its last value unless it comes as an array).
 */
export const MediaListQuery = Type.Object({
  'filter[content_type]': Type.Optional(Type.String()),
  'filter[content_type][]': Type.Optional(Type.Union([Type.String(), Type.Array(Type.String())])),
  ...PAGE_QUERY,
});

export const MediaParams = Type.Object({ media_name: Type.String() });

/** The spec's `MediaResource`. */
export const MediaView = Type.Object({
  media_name: Type.String(),
  content_type: Type.String(),
  created_at: Type.String(),
  updated_at: Type.String(),
  expires_at: Type.String(),
});

export const MediaResponse = Type.Object({ data: MediaView });
export const MediaListResponse = Type.Object({ data: Type.Array(MediaView), meta: PageMeta });

export type UploadMedia = Static<typeof UploadMedia>;
export type MediaView = Static<typeof MediaView>;
export type MediaListQuery = Static<typeof MediaListQuery>;

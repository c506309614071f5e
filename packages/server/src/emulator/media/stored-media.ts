import { decoderOf } from '@switchboard/core/contract';
import Type from 'typebox';
import type { Resource } from '../../storage/store.js';
import type { MediaView } from './media-contract.js';

/** Resource kind of stored media; the id is the `media_name`. */
export const MEDIA_KIND = 'media';
/** Spec: "defaults to 2 days". */
export const DEFAULT_TTL_SECS = 172_800;
/**
 * The emulator keeps media in its database, so it takes files up to 5 MiB rather than the
 * spec's 20 MB.
 */
export const MAX_MEDIA_BYTES = 5 * 1024 * 1024;

/** A media file as stored: the spec's fields and the bytes. */
export interface StoredMedia {
  readonly mediaName: string;
  readonly contentType: string;
  readonly bytes: Buffer;
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly expiresAt: number;
}

const iso = (ms: number): string => new Date(ms).toISOString();

/** The spec's `MediaResource` view. */
export function mediaView(media: StoredMedia): MediaView {
  return {
    media_name: media.mediaName,
    content_type: media.contentType,
    created_at: iso(media.createdAt),
    updated_at: iso(media.updatedAt),
    expires_at: iso(media.expiresAt),
  };
}

/** The store row of a media file; the bytes travel as Base64 in the JSON document. */
export function mediaResource(accountId: string, media: StoredMedia): Resource {
  return {
    accountId,
    kind: MEDIA_KIND,
    id: media.mediaName,
    data: {
      media_name: media.mediaName,
      content_type: media.contentType,
      content_base64: media.bytes.toString('base64'),
      expires_at_ms: media.expiresAt,
    },
    createdAt: media.createdAt,
    updatedAt: media.updatedAt,
  };
}

/** The stored document of a media file (the row's `data`). */
export const MediaDocument = Type.Object({
  media_name: Type.String(),
  content_type: Type.Optional(Type.String()),
  content_base64: Type.String(),
  expires_at_ms: Type.Optional(Type.Number()),
});

const decodeMedia = decoderOf(MEDIA_KIND, MediaDocument);

/** Reads a stored row back. */
export function readMedia(row: Resource): StoredMedia {
  const data = decodeMedia(row.data);
  return {
    mediaName: data.media_name,
    contentType: data.content_type ?? 'application/octet-stream',
    bytes: Buffer.from(data.content_base64, 'base64'),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    expiresAt: data.expires_at_ms ?? row.createdAt,
  };
}

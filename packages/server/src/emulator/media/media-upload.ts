import type {} from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { BadRequestError, ValidationError } from '../../support/errors/api-error.js';
import { checkValue } from '../../http/validation/check-value.js';
import { tooLargeIssue } from './fetch-media.js';
import { UploadMedia } from './media-contract.js';

/** Where the bytes of an upload come from. */
export type MediaSource =
  | { readonly kind: 'url'; readonly url: string }
  | {
      readonly kind: 'file';
      readonly bytes: Buffer;
      readonly contentType: string;
      readonly filename: string | null;
    };

/** A checked `POST /v2/media` or `PUT /v2/media/{name}` request. */
export interface MediaUpload {
  readonly mediaName: string | null;
  readonly ttlSecs: number | null;
  readonly source: MediaSource | null;
}

/**
 * The upload of a request: its declared JSON body, or, for multipart form data, the `media`
 * file part and the text parts checked against the same declaration.
 */
export async function readUpload(request: FastifyRequest, body: UploadMedia): Promise<MediaUpload> {
  if (request.isMultipart()) return readMultipart(request);
  return uploadOf(body, null);
}

async function readMultipart(request: FastifyRequest): Promise<MediaUpload> {
  const fields: Record<string, string> = {};
  let file: MediaSource | null = null;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        const bytes = await part.toBuffer();
        if (part.fieldname === 'media') {
          file = {
            kind: 'file',
            bytes,
            contentType: part.mimetype,
            filename: part.filename || null,
          };
        }
      } else if (typeof part.value === 'string') {
        Object.defineProperty(fields, part.fieldname, {
          value: part.value,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
    }
  } catch (error) {
    if (isFileTooLarge(error)) throw new ValidationError([tooLargeIssue('/media')]);
    // Errors while reading the parts are the client's body: a bad boundary, a cut-off form.
    throw new BadRequestError(
      `The multipart/form-data body could not be read: ${messageOf(error)}`,
    );
  }
  const checked = checkValue(UploadMedia, fields);
  if (!checked.ok) throw new ValidationError(checked.issues);
  return uploadOf(checked.value, file);
}

function uploadOf(body: UploadMedia, file: MediaSource | null): MediaUpload {
  const source: MediaSource | null =
    file ?? (body.media_url === undefined ? null : { kind: 'url', url: body.media_url });
  return { mediaName: body.media_name ?? null, ttlSecs: body.ttl_secs ?? null, source };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function isFileTooLarge(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error
    ? error.code === 'FST_REQ_FILE_TOO_LARGE'
    : false;
}

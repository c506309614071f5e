import type {} from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { BadRequestError } from '../../errors/api-error.js';
import { asBody, isFieldError, isHttpUrl, type Body } from '../phone-numbers/body-checks.js';
import { fieldErrors, type FieldError } from '../phone-numbers/field-error.js';
import { tooLarge } from './fetch-media.js';
import { MAX_TTL_SECS } from './stored-media.js';

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

/** Names end up in paths, so no slashes; Telnyx documents no pattern. */
const MEDIA_NAME = /^[^/\\]{1,255}$/;

/**
 * Reads an upload from JSON (`media_url`, `media_name`, `ttl_secs`) or multipart form data
 * (a `media` file part and the same fields as text parts), checking every field.
 */
export async function readUpload(request: FastifyRequest): Promise<MediaUpload | FieldError[]> {
  if (request.isMultipart()) return readMultipart(request);
  const body = asBody(request.body);
  if (isFieldError(body)) return [body];
  return checkFields(body, null);
}

async function readMultipart(request: FastifyRequest): Promise<MediaUpload | FieldError[]> {
  const fields: Record<string, unknown> = {};
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
        fields[part.fieldname] = part.value;
      }
    }
  } catch (error) {
    if (isFileTooLarge(error)) return [tooLarge('/media')];
    // Errors while reading the parts are the client's body: a bad boundary, a cut-off form.
    throw new BadRequestError(
      `The multipart/form-data body could not be read: ${messageOf(error)}`,
    );
  }
  return checkFields(fields, file);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function isFileTooLarge(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error
    ? error.code === 'FST_REQ_FILE_TOO_LARGE'
    : false;
}

function checkFields(body: Body, file: MediaSource | null): MediaUpload | FieldError[] {
  const errors: FieldError[] = [];
  const url = body['media_url'];
  const name = body['media_name'];
  if (url !== undefined && (typeof url !== 'string' || !isHttpUrl(url))) {
    errors.push(
      fieldErrors.invalidUrl("'media_url' must be an absolute http(s) URL.", '/media_url'),
    );
  }
  if (name !== undefined && (typeof name !== 'string' || !MEDIA_NAME.test(name))) {
    errors.push(
      fieldErrors.invalidValue(
        "'media_name' must be 1 to 255 characters without slashes.",
        '/media_name',
      ),
    );
  }
  const ttl = readTtl(body['ttl_secs']);
  if (isFieldError(ttl)) errors.push(ttl);
  if (errors.length > 0 || isFieldError(ttl)) return errors;
  const source: MediaSource | null =
    file ?? (typeof url === 'string' ? { kind: 'url', url } : null);
  return { mediaName: typeof name === 'string' ? name : null, ttlSecs: ttl, source };
}

// Multipart fields arrive as text, so "3600" counts as 3600.
function readTtl(value: unknown): number | null | FieldError {
  if (value === undefined || value === null || value === '') return null;
  const ttl = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  if (typeof ttl === 'number' && Number.isInteger(ttl) && ttl >= 1 && ttl <= MAX_TTL_SECS) {
    return ttl;
  }
  return fieldErrors.invalidValue(
    `'ttl_secs' must be an integer from 1 to ${MAX_TTL_SECS}.`,
    '/ttl_secs',
  );
}

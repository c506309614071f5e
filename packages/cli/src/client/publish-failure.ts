import { PublishFailedError, PublishRejectedError } from '@switchboard/client';
import type { FoundApiKey } from './api-key-source.js';
import { ApiKeyRefusedError, ApiResponseError, ServerUnreachableError } from './client-errors.js';

const WHAT = 'POST /switchboard/events/batch';

/** A publisher's error as the CLI reports it: the same typed errors as any other request. */
export function publishFailure(error: unknown, key: FoundApiKey, server: string): Error {
  if (error instanceof PublishRejectedError) {
    if (error.status === 401 || error.status === 403) return new ApiKeyRefusedError(key.source);
    return new ApiResponseError(error.status, error.batchErrors, WHAT);
  }
  if (error instanceof PublishFailedError) {
    if (error.status === null) return new ServerUnreachableError(server);
    return new ApiResponseError(error.status, [], WHAT);
  }
  return error instanceof Error ? error : new Error(String(error));
}

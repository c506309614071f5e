import { BadRequestError } from '../../support/errors/api-error.js';

const ENCODED_NUL = /%00/;

/**
 * Refuses a URL with an encoded NUL anywhere, path or query: no id or parameter holds one, and
 * PostgreSQL text cannot, so it would otherwise fail deep in a lookup instead of here.
 */
export function refuseNulInUrl(url: string): void {
  if (ENCODED_NUL.test(url)) {
    throw new BadRequestError(
      'The request URL contains %00 (NUL), which no path or parameter may hold.',
    );
  }
}

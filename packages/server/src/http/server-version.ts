import { createRequire } from 'node:module';

/** The server package's version, as its package.json gives it (the OpenAPI document's `info.version`). */
export const SERVER_VERSION: string = (
  createRequire(import.meta.url)('../../package.json') as { readonly version: string }
).version;

/** The API's paths: everything under them needs a key unless listed as open below. */
const GUARDED_PREFIXES = ['/v2', '/switchboard'];

/**
 * Reached without a key: inbox captures (senders have none), recording files (apps fetch them
 * as they get them) and the softphone's audio socket (its one-time ticket is the credential).
 */
const OPEN_PREFIXES = [
  '/switchboard/inbox/',
  '/switchboard/recordings/',
  '/switchboard/call_audio/',
];

/** The admin route checks its own token; the API's description is public. */
const OPEN_PATHS = new Set(['/switchboard/accounts', '/switchboard/openapi.json']);

/**
 * Whether a request must carry an account's API key, decided from its raw URL before routing,
 * so an unknown route, a wrong method or a bad body cannot tell a caller without a key which
 * routes exist: all of them answer 401.
 */
export function needsApiKey(url: string): boolean {
  const path = url.split('?', 1)[0] ?? '';
  const guarded = GUARDED_PREFIXES.some(
    (prefix) => path === prefix || path.startsWith(`${prefix}/`),
  );
  if (!guarded) return false;
  return !OPEN_PATHS.has(path) && !OPEN_PREFIXES.some((prefix) => path.startsWith(prefix));
}

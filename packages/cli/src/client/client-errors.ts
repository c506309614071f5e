import { CliError } from './cli-error.js';

/** Nothing answered at the server URL. */
export class ServerUnreachableError extends CliError {
  override readonly name = 'ServerUnreachableError';

  constructor(server: string) {
    super(
      'CLI_SERVER_UNREACHABLE',
      `Cannot reach the Switchboard server at ${server}: start it with \`switchboard serve\` or pass --server`,
    );
  }
}

/** No key was given and none was found in the data dir. */
export class MissingApiKeyError extends CliError {
  override readonly name = 'MissingApiKeyError';

  constructor(keyFile: string) {
    super(
      'CLI_NO_API_KEY',
      `No API key: pass --api-key, set SWITCHBOARD_API_KEY, or point --data-dir at the directory of \`switchboard serve\` (looked for ${keyFile})`,
    );
  }
}

/** The server answered 401 or 403. */
export class ApiKeyRefusedError extends CliError {
  override readonly name = 'ApiKeyRefusedError';

  constructor(source: string) {
    super(
      'CLI_API_KEY_REFUSED',
      `The API key was refused: the key from ${source} does not belong to an account on this server; pass the key \`switchboard serve\` printed with --api-key or SWITCHBOARD_API_KEY`,
    );
  }
}

/** One error item of a Telnyx-style error body. */
export interface ApiErrorItem {
  readonly code?: string;
  readonly title?: string;
  readonly detail?: string;
  readonly source?: { readonly pointer?: string };
}

/** The server refused a request (4xx other than auth) or failed (5xx). */
export class ApiResponseError extends CliError {
  override readonly name = 'ApiResponseError';
  readonly status: number;
  readonly errors: readonly ApiErrorItem[];

  constructor(status: number, errors: readonly ApiErrorItem[], what: string) {
    super('CLI_API_ERROR', `${what} failed with HTTP ${status}: ${describeErrors(errors)}`);
    this.status = status;
    this.errors = errors;
  }
}

function describeErrors(errors: readonly ApiErrorItem[]): string {
  if (errors.length === 0) return 'no details';
  return errors.map(describeError).join('; ');
}

function describeError(item: ApiErrorItem): string {
  const text = item.detail ?? item.title ?? 'error';
  const pointer = item.source?.pointer;
  return pointer === undefined ? text : `${text} (${pointer})`;
}

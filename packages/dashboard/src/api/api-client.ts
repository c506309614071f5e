/** One item of the Telnyx error envelope the API answers with. */
export interface ApiErrorItem {
  readonly code: string;
  readonly title: string;
  readonly detail: string;
  readonly source?: { readonly pointer?: string; readonly parameter?: string };
}

/** A call's outcome: the body's `data` (and `meta`), or the API's errors. Never thrown. */
export type ApiResult<T> =
  | { readonly ok: true; readonly data: T; readonly meta: PageMeta | null }
  | { readonly ok: false; readonly status: number; readonly errors: readonly ApiErrorItem[] };

export interface PageMeta {
  readonly page_number: number;
  readonly page_size: number;
  readonly total_pages: number;
  readonly total_results: number;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/**
 * The dashboard's only way to the server: the public HTTP API with the user's key as a Bearer
 * token. Same origin, so no CORS and no cookies are involved.
 */
export class ApiClient {
  readonly #key: string;

  constructor(key: string) {
    this.#key = key;
  }

  get<T>(path: string): Promise<ApiResult<T>> {
    return this.#send<T>('GET', path);
  }

  post<T>(path: string, body: unknown = {}): Promise<ApiResult<T>> {
    return this.#send<T>('POST', path, body);
  }

  patch<T>(path: string, body: unknown): Promise<ApiResult<T>> {
    return this.#send<T>('PATCH', path, body);
  }

  async #send<T>(method: Method, path: string, body?: unknown): Promise<ApiResult<T>> {
    const headers: Record<string, string> = { authorization: `Bearer ${this.#key}` };
    if (body !== undefined) headers['content-type'] = 'application/json';
    try {
      const init: RequestInit = { method, headers };
      if (body !== undefined) init.body = JSON.stringify(body);
      return await readResult<T>(await fetch(path, init));
    } catch (error) {
      return networkFailure(error);
    }
  }
}

async function readResult<T>(response: Response): Promise<ApiResult<T>> {
  const text = await response.text();
  const parsed = text === '' ? {} : (JSON.parse(text) as Record<string, unknown>);
  if (response.ok) {
    return {
      ok: true,
      data: parsed['data'] as T,
      meta: (parsed['meta'] as PageMeta | undefined) ?? null,
    };
  }
  const errors = Array.isArray(parsed['errors']) ? (parsed['errors'] as ApiErrorItem[]) : [];
  return {
    ok: false,
    status: response.status,
    errors: errors.length > 0 ? errors : [statusItem(response)],
  };
}

function statusItem(response: Response): ApiErrorItem {
  return {
    code: String(response.status),
    title: response.statusText,
    detail: `HTTP ${response.status}`,
  };
}

function networkFailure<T>(error: unknown): ApiResult<T> {
  const detail = error instanceof Error ? error.message : String(error);
  return { ok: false, status: 0, errors: [{ code: 'network', title: 'Network error', detail }] };
}

/** The first error's text, for a banner. */
export function errorText(result: { readonly errors: readonly ApiErrorItem[] }): string {
  const [first] = result.errors;
  return first === undefined ? 'Request failed.' : `${first.title}: ${first.detail}`;
}

/** Errors keyed by the body field their `source.pointer` names (`/webhook_timeout_secs` → `webhook_timeout_secs`). */
export function fieldErrors(errors: readonly ApiErrorItem[]): Readonly<Record<string, string>> {
  const byField: Record<string, string> = {};
  for (const error of errors) {
    const field = error.source?.pointer?.replace(/^\//, '').split('/')[0];
    if (field !== undefined && field !== '') byField[field] ??= error.detail;
  }
  return byField;
}

import {
  createApiClient,
  type ApiClient as TypedApiClient,
  type ApiError,
  type ApiResult as TypedApiResult,
} from '@switchboard/client';
import {
  switchboardRoutes,
  type RouteInput,
  type RouteOutput,
  type SwitchboardRoutes,
} from '@switchboard/core/contract';

/** One item of the Telnyx error envelope the API answers with (`network` when none came). */
export type ApiErrorItem = ApiError;

/** A route of `switchboardRoutes`, by the name of its typed call. */
export type RouteName = keyof SwitchboardRoutes;

/** The `data` of a route's declared reply. */
export type DataOf<K extends RouteName> =
  RouteOutput<SwitchboardRoutes[K]> extends { readonly data: infer D } ? D : never;

/** A list's page figures, as `GET /v2/webhook_deliveries` declares them. */
export type PageMeta = RouteOutput<SwitchboardRoutes['listWebhookDeliveries']>['meta'];

/** A call's outcome: the body's `data` (and `meta`), or the API's errors. Never thrown. */
export type ApiResult<T> =
  | { readonly ok: true; readonly data: T; readonly meta: PageMeta | null }
  | { readonly ok: false; readonly status: number; readonly errors: readonly ApiErrorItem[] };

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/**
 * The dashboard's only way to the server: the public HTTP API with the user's key as a Bearer
 * token. Same origin, so no CORS and no cookies are involved. Declared routes go through the
 * typed client (`createApiClient(switchboardRoutes)`), typed by the schemas the server validates
 * with; `get`/`post`/`patch` remain for the routes whose declarations live in the server only.
 */
export class ApiClient {
  readonly #key: string;
  readonly #api: TypedApiClient<SwitchboardRoutes>;

  constructor(key: string) {
    this.#key = key;
    this.#api = createApiClient(switchboardRoutes, { baseUrl: '', apiKey: key });
  }

  /** Calls a declared route; its reply's `data` (and `meta`) typed by the declaration. */
  async call<K extends RouteName>(
    name: K,
    input: RouteInput<SwitchboardRoutes[K]>,
  ): Promise<ApiResult<DataOf<K>>> {
    // One function per route; each takes its own route's input.
    const send = this.#api[name] as (input: unknown) => Promise<TypedApiResult<unknown>>;
    const result = await send(input);
    if (!result.ok) return result;
    const body = isObject(result.body) ? result.body : {};
    return {
      ok: true,
      // The declared reply of route K: `{ data, meta? }`.
      data: body['data'] as DataOf<K>,
      meta: (body['meta'] as PageMeta | undefined) ?? null,
    };
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

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
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

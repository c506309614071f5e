import type {
  ErrorEnvelopeItem,
  RouteInput,
  RouteOutput,
  RouteSpec,
  RouteTable,
} from '@switchboard/core/contract';

/** A call's outcome: the declared reply, or the API's error items. Never thrown. */
export type ApiResult<T> =
  | { readonly ok: true; readonly status: number; readonly body: T }
  | { readonly ok: false; readonly status: number; readonly errors: readonly ApiError[] };

/** One error item: the Telnyx envelope's, or `network` (status 0) when no reply came. */
export type ApiError = Omit<ErrorEnvelopeItem, 'meta'> & {
  readonly meta?: { readonly url: string };
};

/** One typed function per route of the table. */
export type ApiClient<T extends RouteTable> = {
  readonly [K in keyof T]: (input: RouteInput<T[K]>) => Promise<ApiResult<RouteOutput<T[K]>>>;
};

export interface ApiClientOptions {
  /** Where the server is, e.g. `http://127.0.0.1:7700`; `''` for the page's own origin. */
  readonly baseUrl: string;
  /** Sent as `Authorization: Bearer …`. */
  readonly apiKey?: string;
  /** Default: the global `fetch`. */
  readonly fetch?: typeof fetch;
}

/**
 * A client of the routes in `routes`, typed by their declarations: the same schemas the server
 * validates with, so a request the types accept is one the server's declaration describes.
 */
export function createApiClient<T extends RouteTable>(
  routes: T,
  options: ApiClientOptions,
): ApiClient<T> {
  const client: Record<string, (input: unknown) => Promise<ApiResult<unknown>>> = {};
  for (const [name, route] of Object.entries(routes)) {
    client[name] = (input) => callRoute(route, input, options);
  }
  // Built above with one entry per key of `routes`, each calling that route.
  return client as ApiClient<T>;
}

async function callRoute(
  route: RouteSpec,
  input: unknown,
  options: ApiClientOptions,
): Promise<ApiResult<unknown>> {
  const parts = isObject(input) ? input : {};
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.apiKey !== undefined) headers['authorization'] = `Bearer ${options.apiKey}`;
  const init: RequestInit = { method: route.method, headers };
  if (parts['body'] !== undefined) {
    headers['content-type'] = 'application/json';
    init.body = JSON.stringify(parts['body']);
  }
  const url = `${options.baseUrl}${pathOf(route.url, parts['params'])}${queryOf(parts['query'])}`;
  try {
    return await readResult(await (options.fetch ?? fetch)(url, init));
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, status: 0, errors: [{ code: 'network', title: 'Network error', detail }] };
  }
}

/** `/v2/things/:id` with `{ id: 'a/b' }` → `/v2/things/a%2Fb`. */
export function pathOf(template: string, params: unknown): string {
  const values = isObject(params) ? params : {};
  return template.replace(/:([A-Za-z_][A-Za-z0-9_]*)/g, (_match, name: string) =>
    encodeURIComponent(scalarText(values[name])),
  );
}

/** `{ 'page[size]': 5, skip: undefined }` → `?page%5Bsize%5D=5`. */
export function queryOf(query: unknown): string {
  if (!isObject(query)) return '';
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== null) search.append(name, scalarText(value));
  }
  const text = search.toString();
  return text === '' ? '' : `?${text}`;
}

/** Path and query values are strings, numbers or booleans; anything else is sent as JSON. */
function scalarText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

async function readResult(response: Response): Promise<ApiResult<unknown>> {
  const text = await response.text();
  const body: unknown = text === '' ? null : parseJson(text);
  if (response.ok) return { ok: true, status: response.status, body };
  const errors = isObject(body) && Array.isArray(body['errors']) ? errorItems(body['errors']) : [];
  return {
    ok: false,
    status: response.status,
    errors: errors.length > 0 ? errors : [statusItem(response)],
  };
}

function errorItems(items: readonly unknown[]): ApiError[] {
  return items.flatMap((item) =>
    isObject(item) && typeof item['code'] === 'string' && typeof item['detail'] === 'string'
      ? [
          {
            code: item['code'],
            title: typeof item['title'] === 'string' ? item['title'] : '',
            detail: item['detail'],
            ...(isObject(item['source']) ? { source: sourceOf(item['source']) } : {}),
          },
        ]
      : [],
  );
}

function sourceOf(source: Record<string, unknown>): { pointer?: string; parameter?: string } {
  return {
    ...(typeof source['pointer'] === 'string' ? { pointer: source['pointer'] } : {}),
    ...(typeof source['parameter'] === 'string' ? { parameter: source['parameter'] } : {}),
  };
}

function statusItem(response: Response): ApiError {
  return {
    code: String(response.status),
    title: response.statusText,
    detail: `HTTP ${response.status}`,
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

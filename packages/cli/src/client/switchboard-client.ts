import { createApiClient, type ApiClient } from '@switchboard/client';
import {
  switchboardRoutes,
  type RouteInput,
  type RouteOutput,
  type SwitchboardRoutes,
} from '@switchboard/core/contract';
import { findApiKey, type ApiKeyLookup, type FoundApiKey } from './api-key-source.js';
import {
  ApiKeyRefusedError,
  ApiResponseError,
  ServerUnreachableError,
  type ApiErrorItem,
} from './client-errors.js';

/** Query parameters; undefined values are left out. */
export type Query = Readonly<Record<string, string | number | boolean | undefined>>;

/** A route of `switchboardRoutes`, by the name its typed call has. */
export type RouteName = keyof SwitchboardRoutes;

/** How the client reaches a server. */
export interface ClientSettings {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:7700`. */
  readonly server: string;
  readonly keyLookup: ApiKeyLookup;
  /** Injectable for tests; defaults to the global (undici) fetch. */
  readonly fetch?: typeof fetch;
}

/**
 * The CLI's only way to the server: JSON over HTTP with the account's Bearer key. Every failure
 * becomes a typed `CliError` whose message says what to do.
 */
export class SwitchboardClient {
  readonly server: string;
  readonly #settings: ClientSettings;
  #key: Promise<FoundApiKey> | undefined;

  constructor(settings: ClientSettings) {
    this.server = settings.server.replace(/\/+$/, '');
    this.#settings = settings;
  }

  /** The API key in use; looked up once, on first need. */
  apiKey(): Promise<FoundApiKey> {
    this.#key ??= findApiKey(this.#settings.keyLookup);
    return this.#key;
  }

  /**
   * Calls a declared Switchboard route through the typed client (`createApiClient`): the input
   * and the reply are typed by the schemas the server validates with. Failures throw the same
   * `CliError`s as `request`.
   */
  async call<K extends RouteName>(
    name: K,
    input: RouteInput<SwitchboardRoutes[K]>,
  ): Promise<RouteOutput<SwitchboardRoutes[K]>> {
    const key = await this.apiKey();
    let failed: { status: number; text: string } | undefined;
    const api: ApiClient<SwitchboardRoutes> = createApiClient(switchboardRoutes, {
      baseUrl: this.server,
      apiKey: key.key,
      fetch: async (url, init) => {
        const response = await (this.#settings.fetch ?? fetch)(url, init);
        if (!response.ok) failed = { status: response.status, text: await response.clone().text() };
        return response;
      },
    });
    // One function per route; each takes its own route's input.
    const send = api[name] as (input: unknown) => ReturnType<ApiClient<SwitchboardRoutes>[K]>;
    const result = await send(input);
    if (result.ok) return result.body;
    if (failed === undefined) throw new ServerUnreachableError(this.server);
    const route = switchboardRoutes[name];
    throw failure(failed.status, failed.text, key, `${route.method} ${pathOf(route.url, input)}`);
  }

  /** `GET path?query`, resolving to the parsed JSON body. */
  get<T>(path: string, query: Query = {}): Promise<T> {
    return this.request<T>('GET', withQuery(path, query));
  }

  /** `POST path` with a JSON body. */
  post<T>(path: string, body: unknown = {}): Promise<T> {
    return this.request<T>('POST', path, body);
  }

  /** `PATCH path` with a JSON body. */
  patch<T>(path: string, body: unknown): Promise<T> {
    return this.request<T>('PATCH', path, body);
  }

  /** `DELETE path`. */
  delete<T>(path: string): Promise<T> {
    return this.request<T>('DELETE', path);
  }

  /** Any method; the body (when given) is sent as JSON. 204 resolves to null. */
  async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const key = await this.apiKey();
    const response = await this.#send(method, path, key.key, body);
    const text = await response.text();
    if (response.ok) return (text === '' ? null : JSON.parse(text)) as T;
    throw failure(response.status, text, key, `${method} ${path}`);
  }

  async #send(method: string, path: string, key: string, body: unknown): Promise<Response> {
    const headers: Record<string, string> = { authorization: `Bearer ${key}` };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const init: RequestInit = { method, headers };
    if (body !== undefined) init.body = JSON.stringify(body);
    try {
      return await (this.#settings.fetch ?? fetch)(`${this.server}${path}`, init);
    } catch {
      // fetch rejects only when no HTTP answer came (refused, DNS, reset): the server is not there.
      throw new ServerUnreachableError(this.server);
    }
  }
}

/** The request's path and query as `request` names it in errors. */
function pathOf(template: string, input: unknown): string {
  const parts = (typeof input === 'object' && input !== null ? input : {}) as {
    params?: Readonly<Record<string, string>>;
    query?: Query;
  };
  const path = template.replace(/:([A-Za-z_][A-Za-z0-9_]*)/g, (_match, name: string) =>
    encodeURIComponent(parts.params?.[name] ?? ''),
  );
  return withQuery(path, parts.query ?? {});
}

function withQuery(path: string, query: Query): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined) params.append(name, String(value));
  }
  const text = params.toString();
  return text === '' ? path : `${path}?${text}`;
}

function failure(status: number, text: string, key: FoundApiKey, what: string): Error {
  if (status === 401 || status === 403) return new ApiKeyRefusedError(key.source);
  return new ApiResponseError(status, errorItems(text), what);
}

function errorItems(text: string): readonly ApiErrorItem[] {
  try {
    const parsed = JSON.parse(text) as { errors?: unknown };
    return Array.isArray(parsed.errors) ? (parsed.errors as ApiErrorItem[]) : [];
  } catch {
    return text === '' ? [] : [{ detail: text.slice(0, 200) }];
  }
}

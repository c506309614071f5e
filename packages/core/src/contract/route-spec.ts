import type { Static, TSchema } from 'typebox';

/** An HTTP method a route of the API answers. */
export type RouteMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * One route of the API as a client sees it: where it is and the schemas of what goes in and comes
 * out. The server registers the route with the same schemas, so the two cannot drift apart.
 * `url` uses Fastify's `:name` parameters.
 */
export interface RouteSpec {
  readonly method: RouteMethod;
  readonly url: string;
  readonly params?: TSchema;
  readonly querystring?: TSchema;
  readonly body?: TSchema;
  /** The success reply's body. */
  readonly response: TSchema;
  /** The success status; default 200. */
  readonly status?: number;
}

/** A named set of routes: `{ listWebhookDeliveries: { method: 'GET', … }, … }`. */
export type RouteTable = Readonly<Record<string, RouteSpec>>;

type Part<R extends RouteSpec, K extends 'params' | 'querystring' | 'body'> = R[K] extends TSchema
  ? Static<R[K]>
  : never;

/** What a call of route `R` takes: its path parameters, query and body, as declared. */
export type RouteInput<R extends RouteSpec> = ([Part<R, 'params'>] extends [never]
  ? unknown
  : { readonly params: Part<R, 'params'> }) &
  ([Part<R, 'querystring'>] extends [never]
    ? unknown
    : { readonly query?: Part<R, 'querystring'> }) &
  ([Part<R, 'body'>] extends [never] ? unknown : { readonly body: Part<R, 'body'> });

/** What a successful call of route `R` answers. */
export type RouteOutput<R extends RouteSpec> = Static<R['response']>;

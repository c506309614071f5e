import swagger from '@fastify/swagger';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';

/** Where the document is served; the dashboard's catch-all never sees it. */
export const OPENAPI_PATH = '/switchboard/openapi.json';

/**
 * Collects every route registered after it into an OpenAPI 3.1 document, generated from the
 * routes' declarations. Register it before any route: routes added earlier are not seen.
 */
export function useOpenApi(app: FastifyInstance, version: string): void {
  void app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Switchboard',
        version,
        description:
          "Switchboard's own API (/switchboard) and the Telnyx API it emulates (/v2). Errors use the Telnyx envelope.",
      },
      components: {
        securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      },
      security: [{ bearer: [] }],
    },
  });
}

/** Serves the document at {@link OPENAPI_PATH}. */
export function registerOpenApiRoute(app: FastifyInstance): void {
  const schema = {
    summary: 'This document: every route, generated from the routes’ declarations',
    tags: ['switchboard'],
    response: {
      200: Type.Object({
        openapi: Type.String(),
        paths: Type.Record(Type.String(), Type.Unknown()),
      }),
    },
  };
  // The routes are fixed once the app is ready, so the document is built once, on first request.
  let document: unknown = null;
  app.get(OPENAPI_PATH, { schema }, () => {
    if (document === null) {
      document = app.swagger();
      bodiesOptionalWhenLenient(document);
      withoutExtraMethods(document);
    }
    return document;
  });
}

/** Telnyx accepts body-less actions: a lenient body schema is an optional request body. */
function bodiesOptionalWhenLenient(document: unknown): void {
  for (const item of valuesOf(member(document, 'paths'))) {
    for (const operation of valuesOf(item)) {
      const body = member(operation, 'requestBody');
      const schema = member(member(member(body, 'content'), 'application/json'), 'schema');
      if (isObject(body) && member(schema, 'x-lenient') === true) body['required'] = false;
    }
  }
}

/** OpenAPI's operations; `app.all` also answers methods (QUERY, …) the format has no key for. */
const OPERATION_KEYS = new Set([
  'get',
  'put',
  'post',
  'delete',
  'options',
  'head',
  'patch',
  'trace',
]);
const PATH_ITEM_KEYS = new Set(['$ref', 'summary', 'description', 'servers', 'parameters']);

function withoutExtraMethods(document: unknown): void {
  const paths = member(document, 'paths');
  if (!isObject(paths)) return;
  for (const [path, item] of Object.entries(paths)) {
    if (!isObject(item)) continue;
    const kept = Object.entries(item).filter(
      ([key]) => OPERATION_KEYS.has(key) || PATH_ITEM_KEYS.has(key),
    );
    paths[path] = Object.fromEntries(kept);
  }
}

function member(value: unknown, name: string): unknown {
  return isObject(value) && Object.hasOwn(value, name) ? value[name] : undefined;
}

function valuesOf(value: unknown): unknown[] {
  return isObject(value) ? Object.values(value) : [];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

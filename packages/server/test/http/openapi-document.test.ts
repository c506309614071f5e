import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/start-server.js';
import { testConfig } from '../server/support/test-config.js';

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

interface Operation {
  readonly summary?: string;
  readonly responses?: Record<string, { readonly content?: Record<string, unknown> }>;
}

type Paths = Record<string, Partial<Record<(typeof METHODS)[number], Operation>>>;

/**
 * Share of operations that declare a success reply. Raised as route modules move to
 * declarations; 1 means every route of the API describes what it answers.
 */
const DECLARED_SHARE = 1;

describe('GET /switchboard/openapi.json', () => {
  let server: RunningServer;
  let document: { openapi: string; paths: Paths };

  beforeAll(async () => {
    server = await startServer(await testConfig());
    const response = await fetch(`${server.url}/switchboard/openapi.json`);
    expect(response.status).toBe(200);
    document = (await response.json()) as typeof document;
  });
  afterAll(async () => {
    await server.close();
  });

  it('is a valid OpenAPI 3.1 document, served without a key', async () => {
    expect(document.openapi).toBe('3.1.0');
    const result = await new Validator().validate(document);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('lists the emulated /v2 routes and Switchboard’s own', () => {
    const paths = Object.keys(document.paths);
    expect(paths).toContain('/v2/calls');
    expect(paths).toContain('/v2/texml_applications');
    expect(paths).toContain('/switchboard/events');
    expect(paths).toContain('/switchboard/events/batch');
    expect(paths.filter((path) => path.startsWith('/v2/')).length).toBeGreaterThan(60);
  });

  it('describes what every route answers', () => {
    const operations = Object.entries(document.paths).flatMap(([path, item]) =>
      METHODS.flatMap((method) =>
        item[method] ? [[`${method.toUpperCase()} ${path}`, item[method]] as const] : [],
      ),
    );
    const undeclared = operations
      .filter(([, operation]) => !declaresSuccess(operation))
      .map(([name]) => name);
    const share = 1 - undeclared.length / operations.length;
    expect(share, `undeclared: ${undeclared.join(', ')}`).toBeGreaterThanOrEqual(DECLARED_SHARE);
  });
});

/** A declared success reply: a JSON body's schema, or (files, streams, sockets) a described one. */
function declaresSuccess(operation: Operation): boolean {
  return Object.keys(operation.responses ?? {}).some((status) => /^[123]\d\d$/.test(status));
}

import { readFile, writeFile } from 'node:fs/promises';
import type { FastifyInstance } from 'fastify';
import * as prettier from 'prettier';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/start-server.js';
import specRoutes from '../fixtures/spec-routes.json' with { type: 'json' };
import { testConfig } from '../server/support/test-config.js';
import {
  capturesLiteral,
  coverageBlock,
  isRouteNotFound,
  MATCHED_ROUTE_HEADER,
  probePath,
  withCoverageBlock,
  type RouteCoverage,
  type SpecRoute,
} from './support/spec-coverage.js';
import { SPEC_ROUTE_NOTES } from './support/spec-route-notes.js';

/**
 * Probes every route of the spec's covered resources against the server as `switchboard serve`
 * builds it, and keeps docs/emulator.md's coverage table in step. Set
 * SWITCHBOARD_UPDATE_COVERAGE=1 to rewrite the table instead of failing on a stale one.
 */

// A ratchet: raise it as routes are added, never lower it.
const MIN_COVERAGE = 0.95;
const DOC = new URL('../../../../docs/emulator.md', import.meta.url);
const routes: readonly SpecRoute[] = specRoutes;

let server: RunningServer;
let rows: RouteCoverage[];

beforeAll(async () => {
  server = await startServer(await testConfig(), { routes: [tagMatchedRoute] });
  rows = [];
  for (const route of routes) rows.push(await probe(route));
});

afterAll(async () => {
  await server.close();
});

/** Names the route pattern that answered in a header, so a probe sees which handler ran. */
function tagMatchedRoute(scope: FastifyInstance): void {
  scope.addHook('onSend', (request, reply, payload, done) => {
    void reply.header(MATCHED_ROUTE_HEADER, request.routeOptions.url ?? '');
    done(null, payload);
  });
}

async function probe(route: SpecRoute): Promise<RouteCoverage> {
  const withBody = ['POST', 'PUT', 'PATCH'].includes(route.method);
  const response = await fetch(`${server.url}${probePath(route)}`, {
    method: route.method,
    headers: {
      authorization: `Bearer ${server.apiKey ?? ''}`,
      ...(withBody ? { 'content-type': 'application/json' } : {}),
    },
    ...(withBody ? { body: '{}' } : {}),
  });
  const text = await response.text();
  const body: unknown = text.startsWith('{') ? JSON.parse(text) : null;
  const note = SPEC_ROUTE_NOTES[`${route.method} ${route.path}`] ?? '';
  const matched = response.headers.get(MATCHED_ROUTE_HEADER);
  const missing =
    isRouteNotFound(response.status, body) ||
    (response.status === 404 && matched !== null && capturesLiteral(route.path, matched));
  return { route, implemented: !missing, note };
}

describe('spec coverage', () => {
  it('answers at least the ratcheted share of the spec routes', () => {
    const done = rows.filter((row) => row.implemented).length;
    expect(done / rows.length).toBeGreaterThanOrEqual(MIN_COVERAGE);
  });

  it('has notes only for routes of the spec', () => {
    const keys = new Set(routes.map((route) => `${route.method} ${route.path}`));
    expect(Object.keys(SPEC_ROUTE_NOTES).filter((key) => !keys.has(key))).toEqual([]);
  });

  it('routes noted as not emulated really answer "no route"', () => {
    const claimed = rows.filter((row) => row.note.startsWith('not emulated'));
    expect(claimed.length).toBeGreaterThan(0);
    expect(claimed.filter((row) => row.implemented).map((row) => row.route.path)).toEqual([]);
  });

  it('keeps the coverage table in docs/emulator.md current', async () => {
    const doc = await readFile(DOC, 'utf8');
    // Formatted as the repo's Prettier would, so `prettier --write` leaves the table alone.
    const options = { ...(await prettier.resolveConfig(DOC)), parser: 'markdown' };
    const current = await prettier.format(withCoverageBlock(doc, coverageBlock(rows)), options);
    if (process.env['SWITCHBOARD_UPDATE_COVERAGE'] === '1') await writeFile(DOC, current);
    else expect(doc, 'stale: rerun with SWITCHBOARD_UPDATE_COVERAGE=1').toBe(current);
  });
});

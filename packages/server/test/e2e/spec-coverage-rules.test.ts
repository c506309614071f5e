import { describe, expect, it } from 'vitest';
import {
  capturesLiteral,
  coverageBlock,
  isRouteNotFound,
  probePath,
  withCoverageBlock,
} from './support/spec-coverage.js';

const notFound = (detail: string) => ({ errors: [{ code: '10005', detail }] });

describe('spec coverage rules', () => {
  it('tells the no-route 404 from a missing resource', () => {
    expect(isRouteNotFound(404, notFound('No route matches GET /v2/x.'))).toBe(true);
    expect(
      isRouteNotFound(404, notFound('The requested resource or URL could not be found.')),
    ).toBe(true);
    expect(isRouteNotFound(404, notFound('Media x not found.'))).toBe(false);
    expect(isRouteNotFound(422, notFound('No route matches GET /v2/x.'))).toBe(false);
    expect(isRouteNotFound(404, null)).toBe(false);
  });

  it('sees a parameter that swallowed a fixed segment', () => {
    expect(capturesLiteral('/v2/phone_numbers/jobs', '/v2/phone_numbers/:id')).toBe(true);
    expect(capturesLiteral('/v2/phone_numbers/{id}', '/v2/phone_numbers/:id')).toBe(false);
    // An action dispatcher answers an unknown action with the generic "no route" 404, so a 404
    // after that (a conference that does not exist) does not mean the action is missing.
    expect(
      capturesLiteral('/v2/calls/{call_control_id}/actions/refer', '/v2/calls/:id/actions/:action'),
    ).toBe(false);
  });

  it('fills path parameters and replaces only the marked block', () => {
    const route = { method: 'GET', path: '/v2/a/{id}/b/{x}', operationId: '', summary: '' };
    expect(probePath(route)).toMatch(/^\/v2\/a\/[0-9a-f-]{36}\/b\/[0-9a-f-]{36}$/);
    const block = coverageBlock([{ route, implemented: true, note: 'n' }]);
    expect(block).toContain('**1 of 1**');
    const doc = `head\n${coverageBlock([])}\ntail`;
    expect(withCoverageBlock(doc, block)).toBe(`head\n${block}\ntail`);
  });
});

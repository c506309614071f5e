import { describe, expect, it } from 'vitest';
import { NotFoundError, ValidationError } from '../../src/support/errors/api-error.js';
import { toErrorResponse } from '../../src/http/to-error-response.js';

describe('toErrorResponse', () => {
  it('keeps a typed error’s status, code and source', () => {
    const error = new ValidationError([
      { code: '10033', title: 'Value outside of range', detail: 'd', pointer: '/x' },
    ]);
    expect(toErrorResponse(error, 1)).toEqual({
      status: 422,
      fault: false,
      body: {
        errors: [
          {
            code: '10033',
            title: 'Value outside of range',
            detail: 'd',
            source: { pointer: '/x' },
            meta: { url: 'https://developers.telnyx.com/docs/overview/errors/10033' },
          },
        ],
      },
    });
  });

  it('turns an unexpected error into a 500 / 10007 that reveals nothing', () => {
    const response = toErrorResponse(new Error('password=hunter2 at db.ts:12'), 1);
    expect(response.status).toBe(500);
    expect(response.fault).toBe(true);
    expect(JSON.stringify(response.body)).not.toContain('hunter2');
    expect(response.body.errors[0]?.code).toBe('10007');
  });

  it('treats framework 4xx errors as bad requests, not faults', () => {
    const error = Object.assign(new Error('bad'), { statusCode: 400, code: 'FST_ERR_SOMETHING' });
    expect(toErrorResponse(error, 1)).toMatchObject({ status: 400, fault: false });
  });

  it('gives the body limit in a 413', () => {
    const error = Object.assign(new Error('too big'), { code: 'FST_ERR_CTP_BODY_TOO_LARGE' });
    const response = toErrorResponse(error, 1024);
    expect(response.status).toBe(413);
    expect(response.body.errors[0]?.detail).toContain('1024');
  });

  it('maps NotFoundError to 404 / 10005 with pointer /', () => {
    expect(toErrorResponse(new NotFoundError(), 1).body.errors[0]).toMatchObject({
      code: '10005',
      source: { pointer: '/' },
    });
  });
});

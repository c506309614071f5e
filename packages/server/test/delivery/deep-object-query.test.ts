import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeDeepObject } from '../../src/engine/delivery/deep-object-query.js';

describe('encodeDeepObject', () => {
  it('encodes nested objects and arrays in deepObject style with sorted keys', () => {
    const query = encodeDeepObject({
      meta: { delivered_to: 'https://example.com/hook', attempt: 1 },
      data: { payload: { to: [{ phone_number: '+15550100' }], muted: false, note: null } },
    });
    expect(query).toBe(
      [
        'data[payload][muted]=false',
        'data[payload][note]=',
        'data[payload][to][0][phone_number]=%2B15550100',
        'meta[attempt]=1',
        'meta[delivered_to]=https%3A%2F%2Fexample.com%2Fhook',
      ].join('&'),
    );
  });

  it('percent-encodes brackets inside keys so names stay unambiguous', () => {
    expect(encodeDeepObject({ 'a[b]': 'x' })).toBe('a%5Bb%5D=x');
  });

  it('adds nothing for empty objects and arrays', () => {
    expect(encodeDeepObject({ data: { payload: {}, list: [] } })).toBe('');
  });

  it('produces a query that the WHATWG URL parser leaves byte for byte, so the signature holds', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.integer(), fc.boolean())),
        (value) => {
          const query = encodeDeepObject({ data: value });
          expect(new URL(`http://127.0.0.1/hook?${query}`).search.slice(1)).toBe(query);
        },
      ),
    );
  });

  it('round-trips values through URLSearchParams', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const params = new URLSearchParams(encodeDeepObject({ data: { text } }));
        expect(params.get('data[text]')).toBe(text);
      }),
    );
  });
});

import { describe, expect, it } from 'vitest';
import { JsonTooDeepError, MAX_JSON_DEPTH } from '@switchboard/core';
import { classifyError } from '../../src/engine/delivery/classify-error.js';
import { encodeDeepObject } from '../../src/engine/delivery/deep-object-query.js';
import { toJsonText } from '../../src/storage/sql/json-text.js';

/** `{"a":{"a":…"x"}}` with `levels` objects, parsed from text so nothing here recurses. */
function nested(levels: number, leaf = '"x"'): Record<string, unknown> {
  return JSON.parse(`${'{"a":'.repeat(levels)}${leaf}${'}'.repeat(levels)}`) as Record<
    string,
    unknown
  >;
}

describe('walks on the delivery path are bounded', () => {
  it('the GET query encoding refuses a value past MAX_JSON_DEPTH instead of overflowing', () => {
    expect(() => encodeDeepObject(nested(50_000))).toThrow(JsonTooDeepError);
    const query = encodeDeepObject(nested(MAX_JSON_DEPTH));
    expect(query.endsWith(`${'[a]'.repeat(MAX_JSON_DEPTH - 1)}=x`)).toBe(true);
  });

  it('a JSON column keeps NUL out of a deeply nested value without recursing', () => {
    const text = toJsonText(nested(MAX_JSON_DEPTH, '"a\\u0000b"'));
    expect(text.endsWith(`"a\uFFFDb"${'}'.repeat(MAX_JSON_DEPTH)}`)).toBe(true);
  });

  it('an error whose causes form a cycle is still classified', () => {
    const error: Error = new Error('looping');
    error.cause = error;
    expect(classifyError(error, [])).toMatchObject({ kind: 'retryable', code: 75002 });
  });
});

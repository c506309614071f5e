import { describe, expect, it } from 'vitest';
import {
  JsonTooDeepError,
  MAX_JSON_DEPTH,
  jsonDepthExceeds,
  serializeWebhookBody,
} from '@switchboard/core';

/** `{"a":{"a":…{}}}` with `levels` objects, built without recursion. */
function nested(levels: number): unknown {
  let value: unknown = {};
  for (let level = 1; level < levels; level++) value = { a: value };
  return value;
}

/** The same, but alternating arrays and objects: `[{"a":[{…}]}]`. */
function mixed(levels: number): unknown {
  let value: unknown = [];
  for (let level = 1; level < levels; level++) value = level % 2 === 0 ? [value] : { b: value };
  return value;
}

describe('jsonDepthExceeds', () => {
  it('counts objects and arrays, not scalars', () => {
    expect(jsonDepthExceeds('text', 0)).toBe(false);
    expect(jsonDepthExceeds({}, 0)).toBe(true);
    expect(jsonDepthExceeds({}, 1)).toBe(false);
    expect(jsonDepthExceeds({ a: [1, { b: null }] }, 2)).toBe(true);
    expect(jsonDepthExceeds({ a: [1, { b: null }] }, 3)).toBe(false);
    expect(jsonDepthExceeds(nested(64), 63)).toBe(true);
    expect(jsonDepthExceeds(nested(64), 64)).toBe(false);
  });

  it('walks 200,000 levels without growing the stack', () => {
    expect(jsonDepthExceeds(mixed(200_000), MAX_JSON_DEPTH)).toBe(true);
  });
});

describe('serializeWebhookBody at depth', () => {
  it.each(['telnyx', 'compact'] as const)(
    '%s: a value %d levels deep is refused with JsonTooDeepError, not a RangeError',
    (format) => {
      for (const levels of [MAX_JSON_DEPTH + 1, 3_000, 100_000]) {
        const call = (): string => serializeWebhookBody({ data: nested(levels) }, format);
        expect(call).toThrow(JsonTooDeepError);
        expect(call).toThrow(`nests deeper than ${MAX_JSON_DEPTH} levels`);
      }
    },
  );

  it('serialises a value exactly MAX_JSON_DEPTH levels deep, sorted as always', () => {
    const value = { z: 1, a: mixed(MAX_JSON_DEPTH - 1) };
    const telnyx = serializeWebhookBody(value, 'telnyx');
    expect(telnyx).toBe(JSON.stringify({ a: value.a, z: 1 }, null, 2));
    expect(serializeWebhookBody(value, 'compact')).toBe(JSON.stringify(value));
  });

  it('has a stable code on its error', () => {
    try {
      serializeWebhookBody(nested(5_000), 'telnyx');
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({ code: 'SB_JSON_TOO_DEEP', limit: MAX_JSON_DEPTH });
    }
  });
});

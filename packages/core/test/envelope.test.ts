import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildEnvelope,
  serializeWebhookBody,
  v1EventType,
  type WebhookData,
} from '@switchboard/core';

const webhook: WebhookData = {
  record_type: 'event',
  event_type: 'call.machine.premium.detection.ended',
  id: '0ccc7b54-4df3-4bca-a65a-3da1ecc777f0',
  occurred_at: '2018-02-02T22:25:27.521992Z',
  payload: { to: '+13125550142', from: '+13125550101', result: 'machine' },
};
const meta = { attempt: 2, delivered_to: 'https://app.example.com/hooks' };

/** Independent reference: a deep copy with keys sorted at every level. */
function sortedDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedDeep);
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries.map(([k, v]) => [k, sortedDeep(v)]));
}

describe('buildEnvelope', () => {
  it('v2 wraps the event in data and adds meta', () => {
    expect(buildEnvelope(webhook, meta, '2')).toEqual({ data: webhook, meta });
  });

  it('v1 is flat, with created_at, underscored names and no meta', () => {
    expect(buildEnvelope(webhook, meta, '1')).toEqual({
      record_type: 'event',
      id: webhook.id,
      event_type: 'call_machine_premium_detection_ended',
      created_at: webhook.occurred_at,
      payload: webhook.payload,
    });
  });

  it('maps v1 names by replacing every dot', () => {
    expect(v1EventType('call.initiated')).toBe('call_initiated');
    expect(v1EventType('message.received')).toBe('message_received');
  });
});

describe("serializeWebhookBody('telnyx')", () => {
  it('puts data before meta and sorts nested keys, with 2-space indentation', () => {
    const text = serializeWebhookBody(buildEnvelope(webhook, meta, '2'), 'telnyx');
    expect(text.indexOf('"data"')).toBeLessThan(text.indexOf('"meta"'));
    expect(text.indexOf('"from"')).toBeLessThan(text.indexOf('"result"'));
    expect(text).toContain('\n  "data": {\n    "event_type"');
  });

  it('equals JSON.stringify of a deeply key-sorted copy, for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(serializeWebhookBody(value, 'telnyx')).toBe(
          JSON.stringify(sortedDeep(value), null, 2),
        );
      }),
    );
  });

  it('keeps a __proto__ key from parsed JSON as an ordinary key', () => {
    const value: unknown = JSON.parse('{"b":1,"__proto__":{"x":1}}');
    expect(serializeWebhookBody(value, 'telnyx')).toBe(
      '{\n  "__proto__": {\n    "x": 1\n  },\n  "b": 1\n}',
    );
  });

  it("'compact' is plain JSON.stringify, key order kept", () => {
    const value = { meta, data: webhook };
    expect(serializeWebhookBody(value, 'compact')).toBe(JSON.stringify(value));
  });
});

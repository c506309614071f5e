import { describe, expect, it } from 'vitest';
import { buildTestEvent, eventTemplate, KNOWN_EVENT_TYPES } from '@switchboard/core';
import { schemaErrors, webhookSchemas, type SchemaProperties } from './webhook-schemas.js';

describe('event templates', () => {
  it('cover exactly the 60 typed event types', () => {
    expect(KNOWN_EVENT_TYPES).toHaveLength(60);
    expect(new Set(KNOWN_EVENT_TYPES).size).toBe(60);
  });

  it('type every voice, conferencing and messaging event of the schema file', () => {
    const inSchemas = Object.values(webhookSchemas).flatMap((hook) => {
      const properties = hook.schema['properties'] as SchemaProperties;
      const types =
        properties['data']?.properties?.['event_type']?.enum ??
        properties['event_type']?.enum ??
        [];
      return types.filter((type): type is string => typeof type === 'string');
    });
    const wanted = inSchemas.filter((type) =>
      /^(call|conference|message|siprec|streaming)\./.test(type),
    );
    expect(
      wanted.filter((type) => !(KNOWN_EVENT_TYPES as readonly string[]).includes(type)),
    ).toEqual([]);
  });

  it.each(KNOWN_EVENT_TYPES)('%s validates against its OpenAPI schema', (type) => {
    expect(schemaErrors(eventTemplate(type))).toBe('');
  });

  it('the schema check can fail: a wrong enum value is reported', () => {
    const event = buildTestEvent('call.hangup', {
      data: { payload: { hangup_cause: 'exploded' as 'timeout' } },
    });
    expect(schemaErrors(event)).toMatch(/hangup_cause/);
  });

  it('the schema check can fail: formats are enforced (data.id must be a uuid)', () => {
    const event = buildTestEvent('call.hangup', { data: { id: 'not-a-uuid' } });
    expect(schemaErrors(event)).toMatch(/format "uuid"/);
  });

  it('events built with the same ids belong to the same call', () => {
    const ids = { callControlId: 'v3:same', callSessionId: '5b0e7b1c-0000-4000-8000-000000000001' };
    const answered = eventTemplate('call.answered', ids).data.payload;
    const hangup = eventTemplate('call.hangup', ids).data.payload;
    expect(hangup.call_control_id).toBe(answered.call_control_id);
    expect(hangup.call_session_id).toBe(ids.callSessionId);
  });

  it('uses E.164 numbers in the fictional 555-01XX range, uuids and a v3 call_control_id', () => {
    const payload = eventTemplate('call.initiated').data.payload;
    expect(payload.from).toMatch(/^\+1\d{3}55501\d{2}$/);
    expect(payload.to).toMatch(/^\+1\d{3}55501\d{2}$/);
    expect(payload.call_control_id).toMatch(/^v3:/);
    expect(payload.connection_id).toMatch(/^\d+$/);
    expect(payload.call_leg_id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('takes fresh ids and the time from the injected sources', () => {
    const sources = {
      randomId: () => '00000000-0000-4000-8000-00000000abcd',
      now: () => new Date(0),
    };
    const event = eventTemplate('call.speak.started', {}, sources);
    expect(event.data.id).toBe('00000000-0000-4000-8000-00000000abcd');
    expect(event.data.occurred_at).toBe('1970-01-01T00:00:00.000Z');
  });
});

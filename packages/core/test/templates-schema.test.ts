import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import {
  buildTestEvent,
  eventTemplate,
  KNOWN_EVENT_TYPES,
  type TelnyxEventType,
} from '@switchboard/core';

const REFERENCE = new URL('../src/events/', import.meta.url);
interface SchemaFile {
  readonly webhooks: Record<string, { readonly schema: Record<string, unknown> }>;
}
const schemas = (
  JSON.parse(
    readFileSync(new URL('telnyx-webhook-event-schemas.json', REFERENCE), 'utf8'),
  ) as SchemaFile
).webhooks;

// ajv-formats is CommonJS; its default export arrives wrapped under NodeNext.
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;
const ajv = addFormats(new Ajv2020({ allErrors: true, strict: false }));

// The spec's deliveryUpdate enum lists only message.sent and message.finalized; delivered and
// failed arrive with the same body, so they are checked with the type aliased (as the examples were).
const SCHEMA_TYPE: Partial<Record<TelnyxEventType, string>> = {
  'message.delivered': 'message.finalized',
  'message.failed': 'message.finalized',
};

type Properties = Record<string, { properties?: Properties; enum?: unknown[] }>;

// Most schemas describe the whole body ({ data, meta }); conference.floor.changed describes
// only `data`. `wholeBody` tells which.
function schemaFor(type: string): { schema: Record<string, unknown>; wholeBody: boolean } {
  for (const hook of Object.values(schemas)) {
    const properties = hook.schema['properties'] as Properties;
    if (properties['data']?.properties?.['event_type']?.enum?.includes(type) === true) {
      return { schema: hook.schema, wholeBody: true };
    }
    if (properties['event_type']?.enum?.includes(type) === true) {
      return { schema: hook.schema, wholeBody: false };
    }
  }
  throw new Error(`no schema for ${type}`);
}

function validate(type: TelnyxEventType, event: unknown): string {
  const alias = SCHEMA_TYPE[type];
  const body = structuredClone(event) as { data: { event_type: string } };
  if (alias !== undefined) body.data.event_type = alias;
  const { schema, wholeBody } = schemaFor(alias ?? type);
  const check = ajv.compile(schema);
  return check(wholeBody ? body : body.data) ? '' : ajv.errorsText(check.errors);
}

describe('event templates', () => {
  it('cover exactly the 60 typed event types', () => {
    expect(KNOWN_EVENT_TYPES).toHaveLength(60);
    expect(new Set(KNOWN_EVENT_TYPES).size).toBe(60);
  });

  it('type every voice, conferencing and messaging event of the schema file', () => {
    const inSchemas = Object.values(schemas).flatMap((hook) => {
      const properties = hook.schema['properties'] as Properties;
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
    expect(validate(type, eventTemplate(type))).toBe('');
  });

  it('the schema check can fail: a wrong enum value is reported', () => {
    const event = buildTestEvent('call.hangup', {
      data: { payload: { hangup_cause: 'exploded' as 'timeout' } },
    });
    expect(validate('call.hangup', event)).toMatch(/hangup_cause/);
  });

  it('the schema check can fail: formats are enforced (data.id must be a uuid)', () => {
    const event = buildTestEvent('call.hangup', { data: { id: 'not-a-uuid' } });
    expect(validate('call.hangup', event)).toMatch(/format "uuid"/);
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

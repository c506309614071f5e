import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { EmitInput } from '../../../src/emulator/emulator-deps.js';

const SCHEMAS = new URL(
  '../../../../core/src/events/telnyx-webhook-event-schemas.json',
  import.meta.url,
);

interface SchemaFile {
  readonly webhooks: Readonly<Record<string, { readonly schema: object }>>;
}

const file = JSON.parse(readFileSync(SCHEMAS, 'utf8')) as SchemaFile;
// ajv-formats is CommonJS; its default export arrives wrapped under NodeNext.
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;
const ajv = addFormats(new Ajv2020({ strict: false, allErrors: true }));

function compile(name: string) {
  const entry = file.webhooks[name];
  if (entry === undefined) throw new Error(`no schema ${name}`);
  return ajv.compile(entry.schema);
}

const outbound = compile('deliveryUpdate');
const inbound = compile('inboundMessage');

/**
 * Ajv errors of one emitted event, wrapped as the webhook body. The spec has no
 * message.delivered / message.failed: like the reference examples, they are checked as
 * message.finalized bodies.
 */
export function schemaErrors(event: EmitInput): unknown[] {
  const aliased = ['message.delivered', 'message.failed'].includes(event.eventType)
    ? 'message.finalized'
    : event.eventType;
  const body = {
    data: {
      record_type: 'event',
      event_type: aliased,
      id: '0b6e3f5a-0c39-4a57-9d54-5f6e2b0c8a11',
      occurred_at: new Date(event.occurredAt ?? 0).toISOString(),
      payload: event.payload,
    },
    meta: { attempt: 1, delivered_to: 'https://example.com/hooks' },
  };
  const validate = aliased === 'message.received' ? inbound : outbound;
  return validate(body) ? [] : [...(validate.errors ?? [])];
}

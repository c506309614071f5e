import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

/**
 * The webhook schemas of `src/events` (the spec's, ready for Ajv) and one check of a webhook
 * body against its event type's schema, for the tests of every package.
 */
interface SchemaFile {
  readonly webhooks: Record<string, { readonly schema: Record<string, unknown> }>;
}

/** Every webhook schema of the spec, by name. */
export const webhookSchemas = (
  JSON.parse(
    readFileSync(
      new URL('../src/events/telnyx-webhook-event-schemas.json', import.meta.url),
      'utf8',
    ),
  ) as SchemaFile
).webhooks;

// ajv-formats is CommonJS; its default export arrives wrapped under NodeNext.
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;
const ajv = addFormats(new Ajv2020({ allErrors: true, strict: false }));

// The spec lists only message.sent and message.finalized for delivery updates; delivered and
// failed share that body, so they are checked under the finalized schema.
const SCHEMA_TYPE: Record<string, string> = {
  'message.delivered': 'message.finalized',
  'message.failed': 'message.finalized',
};

export type SchemaProperties = Record<string, { properties?: SchemaProperties; enum?: unknown[] }>;

// Most schemas describe the whole body ({ data, meta }); conference.floor.changed describes
// only `data`. `wholeBody` tells which.
function schemaFor(type: string): { schema: Record<string, unknown>; wholeBody: boolean } {
  for (const hook of Object.values(webhookSchemas)) {
    const properties = hook.schema['properties'] as SchemaProperties;
    if (properties['data']?.properties?.['event_type']?.enum?.includes(type) === true) {
      return { schema: hook.schema, wholeBody: true };
    }
    if (properties['event_type']?.enum?.includes(type) === true) {
      return { schema: hook.schema, wholeBody: false };
    }
  }
  throw new Error(`no schema for ${type}`);
}

/** '' when the webhook body is valid for its event type, else Ajv's errors. */
export function schemaErrors(body: { data: { event_type: string } }): string {
  const type = body.data.event_type;
  const alias = SCHEMA_TYPE[type];
  const copy = structuredClone(body) as {
    data: { event_type: string };
    meta?: { delivered_to?: string };
  };
  if (alias !== undefined) copy.data.event_type = alias;
  // ajv-formats' "url" refuses loopback hosts, and a test receiver can only be on loopback.
  const meta = copy.meta;
  if (meta?.delivered_to !== undefined)
    meta.delivered_to = meta.delivered_to.replace('127.0.0.1', 'example.com');
  const { schema, wholeBody } = schemaFor(alias ?? type);
  const check = ajv.compile(schema);
  return check(wholeBody ? copy : copy.data) ? '' : ajv.errorsText(check.errors);
}

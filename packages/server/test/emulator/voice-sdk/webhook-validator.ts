import { readFileSync } from 'node:fs';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

// ajv-formats is CommonJS; its default export arrives wrapped under NodeNext.
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

// The project's copy of the official schemas (the same webhooks as the reference file).
const SCHEMAS_PATH = new URL(
  '../../../../core/src/events/telnyx-webhook-event-schemas.json',
  import.meta.url,
);

interface SchemaFile {
  readonly webhooks: Readonly<Record<string, { readonly schema: SchemaNode }>>;
}

interface SchemaNode {
  readonly properties?: {
    readonly data?: {
      readonly properties?: { readonly event_type?: { readonly enum?: readonly string[] } };
    };
  };
}

const ajv = addFormats(new Ajv2020({ strict: false, allErrors: true }));
const compiled = new Map<string, ValidateFunction>();
let schemas: ReadonlyMap<string, SchemaNode> | null = null;

/** Schemas by the event types they allow; compiled when first needed. */
function schemaFor(eventType: string): SchemaNode | undefined {
  if (schemas === null) {
    const file = JSON.parse(readFileSync(SCHEMAS_PATH, 'utf8')) as SchemaFile;
    const map = new Map<string, SchemaNode>();
    for (const { schema } of Object.values(file.webhooks))
      for (const type of schema.properties?.data?.properties?.event_type?.enum ?? [])
        map.set(type, schema);
    schemas = map;
  }
  return schemas.get(eventType);
}

/** Ajv errors of one delivered webhook body (as sent, `meta` included); empty when valid. */
export function bodyErrors(eventType: string, body: unknown): string[] {
  let validate = compiled.get(eventType);
  if (validate === undefined) {
    const schema = schemaFor(eventType);
    if (schema === undefined) return [`no schema for ${eventType}`];
    validate = ajv.compile(schema);
    compiled.set(eventType, validate);
  }
  if (validate(body)) return [];
  return (validate.errors ?? []).map((e) => `${eventType} ${e.instancePath} ${e.message ?? ''}`);
}

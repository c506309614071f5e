import { readFileSync } from 'node:fs';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

// ajv-formats is CommonJS; its default export arrives wrapped under NodeNext.
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

// The project's own copy of the official schemas, so a fresh clone needs nothing outside it.
const SCHEMAS_PATH = new URL(
  '../../../../../core/src/events/telnyx-webhook-event-schemas.json',
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

/** One compiled validator per event type, keyed by each event_type its schema allows. */
function compileAll(): ReadonlyMap<string, ValidateFunction> {
  const file = JSON.parse(readFileSync(SCHEMAS_PATH, 'utf8')) as SchemaFile;
  const ajv = addFormats(new Ajv2020({ strict: false, allErrors: true }));
  const validators = new Map<string, ValidateFunction>();
  for (const { schema } of Object.values(file.webhooks)) {
    const eventTypes = schema.properties?.data?.properties?.event_type?.enum ?? [];
    if (eventTypes.length === 0) continue;
    const validate = ajv.compile(schema);
    for (const eventType of eventTypes) validators.set(eventType, validate);
  }
  return validators;
}

let validators: ReadonlyMap<string, ValidateFunction> | null = null;

/** The schema validator of `eventType`, for a whole webhook body; undefined without one. */
export function validatorFor(eventType: string): ValidateFunction | undefined {
  validators ??= compileAll();
  return validators.get(eventType);
}

/** Schema errors for one emitted event, wrapped as Telnyx sends it; empty when valid. */
export function schemaErrors(
  eventType: string,
  payload: Readonly<Record<string, unknown>>,
  id: string,
  occurredAt: number,
): string[] {
  const validate = validatorFor(eventType);
  if (validate === undefined) return [`no schema for ${eventType}`];
  const body = {
    data: {
      record_type: 'event',
      event_type: eventType,
      id,
      occurred_at: new Date(occurredAt).toISOString(),
      payload,
    },
  };
  if (validate(body)) return [];
  return (validate.errors ?? []).map(
    (error) => `${eventType} ${error.instancePath} ${error.message ?? ''}`,
  );
}

import { readFileSync } from 'node:fs';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

/**
 * Validates whole webhook bodies against the spec's event schemas (the repo's copy of
 * shared/reference/telnyx-webhook-event-schemas.json), picked by `data.event_type`.
 */
const SCHEMAS = new URL(
  '../../../../core/src/events/telnyx-webhook-event-schemas.json',
  import.meta.url,
);

interface SchemaFile {
  readonly webhooks: Readonly<Record<string, { readonly schema: Record<string, unknown> }>>;
}

// Event types whose schema does not list them: the spec's example names this one.
const EXTRA: Readonly<Record<string, string>> = {
  'number_order.complete': 'numberOrderStatusUpdate',
};
// Not in the spec's event_type enum, with the body of message.finalized (seed 003): checked as one.
const ALIASES: Readonly<Record<string, string>> = {
  'message.delivered': 'message.finalized',
  'message.failed': 'message.finalized',
};

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;
const ajv = addFormats(new Ajv2020({ strict: false, allErrors: true }));
// ajv-formats' `url` pattern refuses loopback hosts with ports (`http://127.0.0.1:5000/…`),
// which is where test receivers listen; any URL that parses is a URL.
ajv.addFormat('url', (value: string) => URL.canParse(value));
const file = JSON.parse(readFileSync(SCHEMAS, 'utf8')) as SchemaFile;
const validators = new Map<string, ValidateFunction>();

function schemaKeyOf(eventType: string): string | undefined {
  if (EXTRA[eventType] !== undefined) return EXTRA[eventType];
  return Object.entries(file.webhooks).find(([, entry]) =>
    eventTypesOf(entry.schema).includes(eventType),
  )?.[0];
}

type Properties = Record<string, { properties?: Properties; enum?: unknown[] } | undefined>;

// conference.floor.changed's schema describes `data` alone; the others the whole body.
function eventTypesOf(schema: Record<string, unknown>): unknown[] {
  const properties = (schema['properties'] ?? {}) as Properties;
  return (
    properties['data']?.properties?.['event_type']?.enum ?? properties['event_type']?.enum ?? []
  );
}

function describesData(schema: Record<string, unknown>): boolean {
  return ((schema['properties'] ?? {}) as Properties)['data'] === undefined;
}

// A few schemas keep a $ref into the full spec; the check treats those parts as open.
function withoutRefs(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutRefs);
  if (typeof node !== 'object' || node === null) return node;
  if ('$ref' in node) return {};
  return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, withoutRefs(v)]));
}

function validatorFor(eventType: string): ValidateFunction {
  const cached = validators.get(eventType);
  if (cached !== undefined) return cached;
  const key = schemaKeyOf(eventType);
  const entry = key === undefined ? undefined : file.webhooks[key];
  if (entry === undefined) throw new Error(`no schema for ${eventType}`);
  const schema = withoutRefs(entry.schema) as Record<string, unknown>;
  const validate = ajv.compile(
    describesData(schema)
      ? { type: 'object', properties: { data: schema }, required: ['data'] }
      : schema,
  );
  validators.set(eventType, validate);
  return validate;
}

/** The schema errors of one webhook body (raw JSON text); empty when it conforms. */
export function webhookSchemaErrors(body: string): unknown[] {
  const parsed = JSON.parse(body) as { data?: { event_type?: string } };
  const sent = parsed.data?.event_type ?? '';
  const eventType = ALIASES[sent] ?? sent;
  const checked = { ...parsed, data: { ...parsed.data, event_type: eventType } };
  const validate = validatorFor(eventType);
  return validate(checked) ? [] : [sent, ...(validate.errors ?? [])];
}

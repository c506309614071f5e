import { readFileSync } from 'node:fs';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

/**
 * The spec's webhook schemas (`src/events`, a copy of shared/reference's, ready for Ajv) and the
 * one check of a webhook body against its event type's schema that the tests of every package
 * use.
 */
interface SchemaFile {
  readonly webhooks: Readonly<Record<string, { readonly schema: Record<string, unknown> }>>;
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

export type SchemaProperties = Record<
  string,
  { properties?: SchemaProperties; enum?: unknown[] } | undefined
>;

// Event types whose schema does not list them: the spec's example names this one.
const EXTRA: Readonly<Record<string, string>> = {
  'number_order.complete': 'numberOrderStatusUpdate',
};
// Not in the spec's event_type enum, with the body of message.finalized (seed 003): checked as one.
const ALIASES: Readonly<Record<string, string>> = {
  'message.delivered': 'message.finalized',
  'message.failed': 'message.finalized',
};

// ajv-formats is CommonJS; its default export arrives wrapped under NodeNext.
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;
const ajv = addFormats(new Ajv2020({ strict: false, allErrors: true }));
// ajv-formats' `url` pattern refuses loopback hosts with ports (`http://127.0.0.1:5000/…`),
// which is where test receivers listen; any URL that parses is a URL.
ajv.addFormat('url', (value: string) => URL.canParse(value));
const validators = new Map<string, ValidateFunction>();

/** The event types a schema lists (conference.floor.changed's describes `data` alone). */
export function eventTypesOf(schema: Record<string, unknown>): unknown[] {
  const properties = (schema['properties'] ?? {}) as SchemaProperties;
  return (
    properties['data']?.properties?.['event_type']?.enum ?? properties['event_type']?.enum ?? []
  );
}

function schemaKeyOf(eventType: string): string | undefined {
  return Object.hasOwn(EXTRA, eventType)
    ? EXTRA[eventType]
    : Object.entries(webhookSchemas).find(([, entry]) =>
        eventTypesOf(entry.schema).includes(eventType),
      )?.[0];
}

function describesData(schema: Record<string, unknown>): boolean {
  return ((schema['properties'] ?? {}) as SchemaProperties)['data'] === undefined;
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
  const entry = key === undefined ? undefined : webhookSchemas[key];
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

/** Ajv's errors for a webhook body (`{ data: { event_type, … }, meta? }`); [] when it conforms. */
export function webhookSchemaProblems(body: { data?: { event_type?: string } }): ErrorObject[] {
  const sent = body.data?.event_type ?? '';
  const eventType = Object.hasOwn(ALIASES, sent) ? (ALIASES[sent] ?? sent) : sent;
  const validate = validatorFor(eventType);
  const checked = { ...body, data: { ...body.data, event_type: eventType } };
  return validate(checked) ? [] : [...(validate.errors ?? [])];
}

/** '' when the webhook body is valid for its event type, else Ajv's errors as text. */
export function schemaErrors(body: { data?: { event_type?: string } }): string {
  const problems = webhookSchemaProblems(body);
  return problems.length === 0 ? '' : ajv.errorsText(problems);
}

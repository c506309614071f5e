import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;
const ajv = addFormats(new Ajv2020({ strict: false, allErrors: true }));
// The spec's own default for failover URLs is "", which its `url` format would refuse.
ajv.addFormat('url', (value: string) => value === '' || URL.canParse(value));

/**
 * The spec types unset optional fields as non-nullable, yet Telnyx answers `null` for them (as we
 * do; see docs/decisions.md). Optional properties therefore also accept null; required ones and
 * every present value are still checked as the spec says.
 */
function nullableOptionals(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(nullableOptionals);
  if (schema === null || typeof schema !== 'object') return schema;
  const node = Object.fromEntries(
    Object.entries(schema).map(([key, value]) => [key, nullableOptionals(value)]),
  ) as Record<string, unknown>;
  const properties = node['properties'] as Record<string, unknown> | undefined;
  if (properties === undefined) return node;
  const required = new Set((node['required'] as string[] | undefined) ?? []);
  for (const [name, property] of Object.entries(properties)) {
    if (!required.has(name)) properties[name] = { anyOf: [property, { type: 'null' }] };
  }
  return node;
}

/**
 * A checker for the spec's response schemas in `fixture` (under test/fixtures, written by
 * scripts/extract-response-schemas.mjs): `problems(name, value)` lists Ajv's complaints.
 */
export function responseSchemas(fixture: string): (schema: string, value: unknown) => string[] {
  const schemas = JSON.parse(
    readFileSync(new URL(`../../fixtures/${fixture}`, import.meta.url), 'utf8'),
  ) as Record<string, object>;
  return (schema, value) => {
    const validate = ajv.compile(nullableOptionals(schemas[schema] ?? {}) as object);
    return validate(value)
      ? []
      : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
  };
}

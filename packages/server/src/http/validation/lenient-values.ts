import { LENIENT } from '@switchboard/core/contract';
import type { TSchema } from 'typebox';
import { keywordsOf, type SchemaObject } from '../../support/schema-object.js';

/**
 * Readies a request value for its declaration's check, keeping Telnyx's leniencies:
 * - members the schema does not name are dropped (Telnyx ignores them), except on objects that
 *   declare `additionalProperties: false`, where the check then names the typo;
 * - in lenient parts (query strings, path parameters, and objects marked {@link LENIENT} with
 *   everything below them), integers and booleans may come as `"30"` and `"true"`, and on the
 *   marked objects a `null` or `""` member reads as absent unless its schema accepts null.
 * Nothing else is coerced: `5` for a string stays an error. The input is not modified.
 */
export function prepareValue(declared: TSchema, value: unknown, lenient: boolean): unknown {
  const schema = objectBranch(keywordsOf(declared), value);
  const inLenient = lenient || schema[LENIENT] === true;
  if (Array.isArray(value)) return prepareItems(schema, value, inLenient);
  if (!isObject(value)) return inLenient ? scalar(schema, value) : value;
  const properties = schema['properties'] as Readonly<Record<string, SchemaObject>> | undefined;
  if (properties === undefined) return value;
  const keepUnknown = schema['additionalProperties'] === false;
  const out: Record<string, unknown> = {};
  for (const [name, member] of Object.entries(value)) {
    const memberSchema = Object.hasOwn(properties, name) ? properties[name] : undefined;
    if (memberSchema === undefined) {
      if (keepUnknown) define(out, name, member);
    } else if (!(schema[LENIENT] === true && isBlank(member) && !acceptsNull(memberSchema))) {
      define(out, name, prepareValue(memberSchema, member, inLenient));
    }
  }
  return withDefaults(properties, out);
}

/** Declared defaults of absent members, each a fresh copy. */
function withDefaults(
  properties: Readonly<Record<string, SchemaObject>>,
  out: Record<string, unknown>,
): Record<string, unknown> {
  for (const [name, member] of Object.entries(properties)) {
    if (!Object.hasOwn(out, name) && member['default'] !== undefined)
      define(out, name, structuredClone(member['default']));
  }
  return out;
}

/** Sets a member as data, so `__proto__` from a request body stays a plain member. */
function define(target: Record<string, unknown>, name: string, value: unknown): void {
  Object.defineProperty(target, name, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

/** A repeated query key keeps its last value, unless the schema wants an array. */
export function lastOfRepeated(declared: TSchema, query: unknown): unknown {
  if (!isObject(query)) return query;
  const properties = (keywordsOf(declared)['properties'] ?? {}) as Readonly<
    Record<string, SchemaObject>
  >;
  const out: Record<string, unknown> = {};
  for (const [name, member] of Object.entries(query)) {
    const wantsArray = Object.hasOwn(properties, name) && properties[name]?.['type'] === 'array';
    if (!(member === '' && !wantsArray))
      out[name] = Array.isArray(member) && !wantsArray ? member.at(-1) : member;
  }
  return out;
}

function prepareItems(schema: SchemaObject, items: readonly unknown[], lenient: boolean): unknown {
  const itemSchema = schema['items'];
  if (!isObject(itemSchema)) return items;
  return items.map((item) => prepareValue(itemSchema, item, lenient));
}

/** Of `Nullable(Object(…))` and similar unions, the branch an object value is checked against. */
function objectBranch(schema: SchemaObject, value: unknown): SchemaObject {
  const branches = schema['anyOf'];
  if (!Array.isArray(branches) || !isObject(value)) return schema;
  const objects = (branches as SchemaObject[]).filter((branch) => branch['type'] === 'object');
  return objects.length === 1 && objects[0] !== undefined ? objects[0] : schema;
}

function scalar(schema: SchemaObject, value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const types = typesOf(schema);
  if ((types.has('integer') || types.has('number')) && /^-?\d+$/.test(value.trim()))
    return Number(value);
  if (types.has('boolean') && (value === 'true' || value === 'false')) return value === 'true';
  return value;
}

function typesOf(schema: SchemaObject): Set<string> {
  const branches = Array.isArray(schema['anyOf']) ? (schema['anyOf'] as SchemaObject[]) : [schema];
  return new Set(
    branches
      .map((branch) => branch['type'])
      .filter((type): type is string => typeof type === 'string'),
  );
}

function acceptsNull(schema: SchemaObject): boolean {
  return typesOf(schema).has('null');
}

function isBlank(value: unknown): boolean {
  return value === null || value === '';
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

import type { Json, JsonObject } from '../../storage/store.js';
import { fail, ok, type Checked, type Issue } from './checked.js';
import { isPlainObject, type Check } from './field-checks.js';
import { invalidIssue, missingIssue } from './issues.js';

/** How one member of a request object is checked, and what it is when absent on create. */
export type FieldSpec = LeafField | NestedField;

export interface LeafField {
  readonly check: Check<Json>;
  readonly required?: boolean;
  readonly default?: Json;
}

/** A nested object: checked member by member, defaulted member by member, merged on patch. */
export interface NestedField {
  readonly nested: ObjectSpec;
}

export type ObjectSpec = Readonly<Record<string, FieldSpec>>;

/** `create` fills defaults and demands required fields; `patch` checks only what is present. */
export type CheckMode = 'create' | 'patch';

/**
 * Checks a request object against `spec` and returns only the known members, cleaned. Members
 * the spec does not name are ignored, as Telnyx ignores them. Every problem is reported.
 */
export function checkObject(
  spec: ObjectSpec,
  value: unknown,
  mode: CheckMode,
  pointer = '',
): Checked<JsonObject> {
  if (!isPlainObject(value))
    return fail(invalidIssue({ pointer: pointer || '/' }, 'a JSON object'));
  const out: JsonObject = {};
  const issues: Issue[] = [];
  for (const [name, field] of Object.entries(spec)) {
    const result = checkMember(field, value[name], mode, `${pointer}/${name}`);
    if (!result.ok) issues.push(...result.issues);
    else if (result.value !== undefined) out[name] = result.value;
  }
  const [first, ...rest] = issues;
  return first === undefined ? ok(out) : fail(first, ...rest);
}

/** The object that `create` mode gives for `{}`: every default. */
export function defaultsOf(spec: ObjectSpec): JsonObject {
  const out: JsonObject = {};
  for (const [name, field] of Object.entries(spec)) {
    const value = 'nested' in field ? defaultsOf(field.nested) : field.default;
    if (value !== undefined) out[name] = value;
  }
  return out;
}

/** Applies a checked patch: nested objects merge one level deep, everything else replaces. */
export function mergePatch(spec: ObjectSpec, current: JsonObject, patch: JsonObject): JsonObject {
  const out: JsonObject = { ...current };
  for (const [name, value] of Object.entries(patch)) {
    const before = current[name];
    const field = spec[name];
    const nested = field !== undefined && 'nested' in field && isPlainObject(before);
    out[name] = nested ? { ...before, ...(value as JsonObject) } : value;
  }
  return out;
}

function checkMember(
  field: FieldSpec,
  value: unknown,
  mode: CheckMode,
  pointer: string,
): Checked<Json | undefined> {
  if (value === undefined) return absent(field, mode, pointer);
  if ('nested' in field) return checkObject(field.nested, value, mode, pointer);
  return field.check(value, pointer);
}

function absent(field: FieldSpec, mode: CheckMode, pointer: string): Checked<Json | undefined> {
  if (mode === 'patch') return ok(undefined);
  if ('nested' in field) return ok(defaultsOf(field.nested));
  return field.required === true ? fail(missingIssue({ pointer })) : ok(field.default);
}

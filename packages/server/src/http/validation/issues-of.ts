import {
  COUNT_DETAIL,
  ERROR_CODE,
  EXPECTED,
  HTTP_URL,
  HTTP_URL_OR_EMPTY,
  ISO_DATE_TIME,
  NOT_BLANK,
} from '@switchboard/core/contract';
import type { TSchema } from 'typebox';
import Value from 'typebox/value';
import { keywordsOf } from '../../support/schema-object.js';
import {
  enumIssue,
  invalidIssue,
  missingIssue,
  nameOf,
  rangeIssue,
  type Issue,
  type Source,
} from './issues.js';

/** Which part of a request a schema checks: errors in the query name a parameter, others a pointer. */
export type RequestPart = 'body' | 'querystring' | 'params' | 'headers';

/** One validator error, as TypeBox reports it (Ajv's shape). */
export interface SchemaError {
  readonly keyword: string;
  readonly schemaPath: string;
  readonly instancePath: string;
  readonly params: Readonly<Record<string, unknown>>;
}

/**
 * The one mapping from validator errors to Telnyx error items: a missing or blank field is
 * 10004, a wrong type or format 10015, a value outside an enumeration 10032, a number out of
 * range 10033. Each item points at the field (a body pointer or a query parameter name).
 */
export function issuesOf(
  schema: TSchema,
  value: unknown,
  errors: Iterable<SchemaError>,
  part: RequestPart,
): Issue[] {
  const kept = withoutUnionBranches([...errors]);
  const issues = kept.flatMap((error) => issuesOfError(schema, value, error, part));
  return dedupe(issues);
}

function issuesOfError(
  root: TSchema,
  value: unknown,
  error: SchemaError,
  part: RequestPart,
): Issue[] {
  const schema = schemaAt(root, error.schemaPath);
  const source = sourceOf(part, error.instancePath);
  const coded = error.keyword === 'pattern' || error.keyword === 'format';
  const own = schema[ERROR_CODE];
  if (coded && isErrorCode(own)) return [codedIssue(own, schema, source)];
  switch (error.keyword) {
    case 'required':
      return requiredNames(error).map((name) =>
        missingIssue(sourceOf(part, `${error.instancePath}/${escape(name)}`)),
      );
    case 'anyOf':
      return unionIssues(root, value, error, part);
    case 'enum':
    case 'const':
      return [enumIssue(source, allowedOf(schema))];
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return [rangeOrInvalid(source, schema)];
    case 'minLength':
      return [missingIssue(source)];
    case 'pattern':
      return [
        schema['pattern'] === NOT_BLANK
          ? missingIssue(source)
          : invalidIssue(source, patternText(schema)),
      ];
    case 'maxLength':
      return [invalidIssue(source, `at most ${String(schema['maxLength'])} characters`)];
    case 'minItems':
    case 'maxItems':
      return [itemCountIssue(source, schema, Value.Pointer.Get(value, error.instancePath))];
    case 'additionalProperties':
      return extraNames(error).map((name) =>
        invalidIssue(
          sourceOf(part, `${error.instancePath}/${escape(name)}`),
          'a field this object has (it has no such field)',
        ),
      );
    case 'format':
      return [invalidIssue(source, formatText(schema))];
    default:
      return [invalidIssue(source, expectedOf(schema))];
  }
}

/**
 * A union's own error replaces its branches' errors: the value is checked again against the
 * first branch that is not `null` (`Nullable(X)` reports X's problem) or, for a union of
 * literals, reported as an enumeration.
 */
function unionIssues(
  root: TSchema,
  value: unknown,
  error: SchemaError,
  part: RequestPart,
): Issue[] {
  const schema = schemaAt(root, error.schemaPath);
  const branches = (schema['anyOf'] as TSchema[] | undefined) ?? [];
  const literals = branches.filter((branch) => 'const' in branch || 'enum' in branch);
  if (literals.length === branches.length)
    return [enumIssue(sourceOf(part, error.instancePath), allowedOf(schema))];
  const branch = branches.find((candidate) => keywordsOf(candidate)['type'] !== 'null');
  if (branch === undefined) return [invalidIssue(sourceOf(part, error.instancePath), 'null')];
  const at = Value.Pointer.Get(value, error.instancePath);
  const nested = [...Value.Errors(branch, at)].map((inner) => ({
    ...inner,
    instancePath: `${error.instancePath}${inner.instancePath}`,
  }));
  return issuesOf(branch, at, nested, part).map((issue) => issue);
}

/** A pattern or format failure of a field that names its own Telnyx code (`x-error-code`). */
function codedIssue(
  { code, title }: ErrorCode,
  schema: Record<string, unknown>,
  source: Source,
): Issue {
  return {
    code,
    title,
    detail: `The '${nameOf(source)}' parameter must be ${expectedOf(schema)}.`,
    ...source,
  };
}

interface ErrorCode {
  readonly code: string;
  readonly title: string;
}

function isErrorCode(value: unknown): value is ErrorCode {
  if (typeof value !== 'object' || value === null) return false;
  const { code, title } = value as Partial<Record<string, unknown>>;
  return typeof code === 'string' && typeof title === 'string';
}

/** Drops the errors reported inside a union's branches; the union's own error stands for them. */
function withoutUnionBranches(errors: readonly SchemaError[]): SchemaError[] {
  const unions = errors
    .filter((error) => error.keyword === 'anyOf')
    .map((error) => `${error.schemaPath}/anyOf/`);
  return errors.filter((error) => !unions.some((prefix) => error.schemaPath.startsWith(prefix)));
}

/** The subschema a `#/…` schema path names. */
function schemaAt(root: TSchema, schemaPath: string): Record<string, unknown> {
  const pointer = schemaPath.replace(/^#/, '');
  const found: unknown = pointer === '' ? root : Value.Pointer.Get(root, pointer);
  return typeof found === 'object' && found !== null ? (found as Record<string, unknown>) : {};
}

function sourceOf(part: RequestPart, instancePath: string): Source {
  if (part === 'querystring' || part === 'headers') {
    const name = unescape(instancePath.split('/').filter(Boolean)[0] ?? '');
    return { parameter: name };
  }
  return { pointer: instancePath === '' ? '/' : instancePath };
}

function requiredNames(error: SchemaError): string[] {
  const names = error.params['requiredProperties'] ?? error.params['missingProperty'];
  if (Array.isArray(names)) return names.map(String);
  return typeof names === 'string' ? [names] : [];
}

function extraNames(error: SchemaError): string[] {
  const names = error.params['additionalProperties'] ?? error.params['additionalProperty'];
  if (Array.isArray(names)) return names.map(String);
  return typeof names === 'string' ? [names] : [];
}

function allowedOf(schema: Record<string, unknown>): string[] {
  if (Array.isArray(schema['enum'])) return schema['enum'].map(String);
  if ('const' in schema) return [String(schema['const'])];
  const branches = Array.isArray(schema['anyOf'])
    ? (schema['anyOf'] as Record<string, unknown>[])
    : [];
  return branches.flatMap(allowedOf);
}

const TYPE_TEXT: Readonly<Record<string, string>> = {
  string: 'a string',
  integer: 'an integer',
  number: 'a number',
  boolean: 'a boolean',
  object: 'a JSON object',
  array: 'an array',
  null: 'null',
};

/** How a detail names what the field wants: its `x-expected` annotation, else its type. */
function expectedOf(schema: Record<string, unknown>): string {
  const annotated = schema[EXPECTED];
  if (typeof annotated === 'string') return annotated;
  const type = schema['type'];
  return (typeof type === 'string' ? TYPE_TEXT[type] : undefined) ?? 'valid';
}

/** What a pattern wants: its `x-expected` annotation, else the pattern itself. */
function patternText(schema: Record<string, unknown>): string {
  const annotated = schema[EXPECTED];
  return typeof annotated === 'string' ? annotated : `in the form ${String(schema['pattern'])}`;
}

function formatText(schema: Record<string, unknown>): string {
  switch (schema['format']) {
    case HTTP_URL:
    case HTTP_URL_OR_EMPTY:
      return 'a valid URL that includes a scheme (http or https)';
    case ISO_DATE_TIME:
      return 'an ISO 8601 date-time';
    default:
      return expectedOf(schema);
  }
}

/** 10033 with the bounds, unless the declaration words the value itself (`x-expected`): then 10015. */
function rangeOrInvalid(source: Source, schema: Record<string, unknown>): Issue {
  const worded = schema[EXPECTED];
  if (typeof worded === 'string') return invalidIssue(source, worded);
  const min = numberOr(schema['minimum'], Number.MIN_SAFE_INTEGER);
  return rangeIssue(source, min, numberOr(schema['maximum'], Number.MAX_SAFE_INTEGER));
}

function itemCountIssue(source: Source, schema: Record<string, unknown>, items: unknown): Issue {
  const min = numberOr(schema['minItems'], 0);
  const max = numberOr(schema['maxItems'], Number.MAX_SAFE_INTEGER);
  const count = Array.isArray(items) ? items.length : 0;
  const name = 'pointer' in source ? source.pointer.split('/').pop() : source.parameter;
  const template = schema[COUNT_DETAIL];
  const detail =
    typeof template === 'string'
      ? template
          .replace('{min}', String(min))
          .replace('{max}', String(max))
          .replace('{count}', String(count))
      : `The '${name ?? ''}' parameter holds ${min} to ${max} items; this one has ${count}.`;
  return { code: '10033', title: 'Value outside of range', detail, ...source };
}

function numberOr(value: unknown, fallback: number): number {
  return typeof value === 'number' ? value : fallback;
}

function escape(name: string): string {
  return name.replaceAll('~', '~0').replaceAll('/', '~1');
}

function unescape(segment: string): string {
  return segment.replaceAll('~1', '/').replaceAll('~0', '~');
}

/** The same item reported twice (a field two rules reject) is one item. */
function dedupe(issues: readonly Issue[]): Issue[] {
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const key = `${issue.pointer ?? ''}\u0000${issue.parameter ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

import { enumIssue, invalidIssue, missingIssue, rangeIssue } from '../../api/validation/issues.js';
import type { Issue } from '../../api/validation/checked.js';
import { ValidationError } from '../../errors/api-error.js';
import { isHttpUrl } from '@switchboard/core/contract';
import { isE164 } from '../phone-numbers/e164.js';

/**
 * LEGACY: the call commands are declared with TypeBox now (see command-bodies.ts) and read
 * nothing here. Kept, with the helpers below, only for the folders still on it (conferences,
 * queues, recordings, TeXML); delete it once they are converted.
 *
 * Reads a command body leniently, the way real SDKs send it: a missing body is `{}`, integers
 * may come as numeric strings, and unknown members are ignored. Every problem is collected so
 * the 422 names all bad fields at once.
 */
export class BodyReader {
  readonly body: Readonly<Record<string, unknown>>;
  readonly #issues: Issue[] = [];

  constructor(body: unknown) {
    this.body = isRecord(body) ? body : {};
  }

  /** An optional string; blank counts as absent unless `required`, which reports 10004. */
  string(name: string, options: { readonly required?: boolean } = {}): string | null {
    const value = this.body[name];
    if (value === undefined || value === null || value === '')
      return this.#absent(name, options.required === true);
    if (typeof value === 'string') return value;
    return this.#issue(invalidIssue({ pointer: `/${name}` }, 'a string'));
  }

  /** An integer within bounds; numeric strings ("30") are accepted. */
  int(name: string, min: number, max: number, fallback: number): number {
    const value = this.body[name];
    if (value === undefined || value === null || value === '') return fallback;
    const number =
      typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
    if (typeof number !== 'number' || !Number.isInteger(number)) {
      return this.#fallback(invalidIssue({ pointer: `/${name}` }, 'an integer'), fallback);
    }
    if (number < min || number > max)
      return this.#fallback(rangeIssue({ pointer: `/${name}` }, min, max), fallback);
    return number;
  }

  oneOf<const T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const value = this.body[name];
    if (value === undefined || value === null || value === '') return fallback;
    if (typeof value === 'string' && (allowed as readonly string[]).includes(value))
      return value as T;
    return this.#fallback(enumIssue({ pointer: `/${name}` }, allowed), fallback);
  }

  /** Booleans, also as the strings "true"/"false". */
  bool(name: string, fallback: boolean): boolean {
    const value = this.body[name];
    if (value === true || value === 'true') return true;
    if (value === false || value === 'false') return false;
    if (value === undefined || value === null) return fallback;
    return this.#fallback(invalidIssue({ pointer: `/${name}` }, 'a boolean'), fallback);
  }

  /** Records a problem found by the caller's own rule. */
  report(issue: Issue): null {
    return this.#issue(issue);
  }

  /** Throws the collected 422, if any. */
  done(): void {
    const [first, ...rest] = this.#issues;
    if (first !== undefined) throw new ValidationError([first, ...rest]);
  }

  #absent(name: string, required: boolean): null {
    return required ? this.#issue(missingIssue({ pointer: `/${name}` })) : null;
  }

  #issue(issue: Issue): null {
    this.#issues.push(issue);
    return null;
  }

  /** Records `issue` and carries on with `fallback`, so one pass finds every problem. */
  #fallback<T>(issue: Issue, fallback: T): T {
    this.#issues.push(issue);
    return fallback;
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** LEGACY (see above): client_state must be valid base64, else 10015. */
export function readClientState(reader: BodyReader, name: string): string | null {
  const value = reader.string(name);
  if (value === null || BASE64.test(value)) return value;
  return reader.report(invalidIssue({ pointer: `/${name}` }, 'a valid Base-64 encoded string'));
}

/** LEGACY (see above): an optional http(s) URL. */
export function readUrl(reader: BodyReader, name: string): string | null {
  const value = reader.string(name);
  if (value === null || isHttpUrl(value)) return value;
  return reader.report(
    invalidIssue({ pointer: `/${name}` }, 'a valid URL that includes a scheme (http or https)'),
  );
}

/** LEGACY (see above): a `+E.164` number (10016 otherwise); SIP URIs are accepted too. */
export function phone(reader: BodyReader, name: string, required: boolean): string | null {
  const value = reader.string(name, { required });
  if (value === null || value.startsWith('sip:') || isE164(value)) return value;
  return reader.report({
    code: '10016',
    title: 'Phone number must be in +E164 format',
    detail: `The '${name}' parameter must be in E164 format.`,
    pointer: `/${name}`,
  });
}

/** LEGACY (see above): `loop`, 1..100 plays (default 1), or `"infinity"` (null). */
export function readLoop(reader: BodyReader): number | null {
  const value = reader.body['loop'];
  if (value === undefined || value === null || value === '') return 1;
  if (value === 'infinity') return null;
  const count = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  if (typeof count === 'number' && Number.isInteger(count) && count >= 1 && count <= 100)
    return count;
  reader.report(invalidIssue({ pointer: '/loop' }, 'an integer from 1 to 100, or "infinity"'));
  return 1;
}

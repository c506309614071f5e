import { enumIssue, invalidIssue, missingIssue, rangeIssue } from '../../api/validation/issues.js';
import type { Issue } from '../../api/validation/checked.js';
import { ValidationError } from '../../errors/api-error.js';

/**
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

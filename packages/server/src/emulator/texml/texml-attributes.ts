import type { ActionTarget, Method } from './texml-verbs.js';

/**
 * Reads one element's attributes with defaults. Problems are collected, not thrown, so a
 * document reports its first fault in a sentence (`<Gather timeout="soon">: timeout must be
 * a whole number`). Numbers outside their documented range are clamped into it, as a lenient
 * reading of an attribute that is at least a number.
 */
export class Attributes {
  readonly problems: string[] = [];
  readonly #values: Readonly<Record<string, string>>;
  readonly #element: string;
  readonly #base: string;

  constructor(element: string, values: Readonly<Record<string, string>>, base: string) {
    this.#element = element;
    this.#values = values;
    this.#base = base;
  }

  text(name: string): string | null {
    const value = this.#values[name];
    return value === undefined ? null : value;
  }

  string(name: string, fallback: string): string {
    return this.text(name) ?? fallback;
  }

  integer(name: string, fallback: number, min: number, max: number): number {
    const value = this.text(name);
    if (value === null || value.trim() === '') return fallback;
    if (!/^\s*-?\d+\s*$/.test(value)) {
      this.#problem(`${name} must be a whole number, not "${value}"`);
      return fallback;
    }
    return Math.min(max, Math.max(min, Number(value)));
  }

  boolean(name: string, fallback: boolean): boolean {
    const value = this.text(name)?.trim().toLowerCase();
    if (value === undefined || value === '') return fallback;
    if (value === 'true') return true;
    if (value === 'false') return false;
    this.#problem(`${name} must be true or false, not "${value}"`);
    return fallback;
  }

  oneOf<const T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const value = this.text(name);
    if (value === null || value === '') return fallback;
    const found = allowed.find((item) => item.toLowerCase() === value.toLowerCase());
    if (found !== undefined) return found;
    this.#problem(`${name} must be one of ${allowed.join(', ')}, not "${value}"`);
    return fallback;
  }

  method(name = 'method'): Method | null {
    const value = this.text(name);
    if (value === null || value === '') return null;
    return this.oneOf(name, ['GET', 'POST'], 'POST');
  }

  /** An absolute URL, or one relative to the document's own URL. */
  url(name: string): string | null {
    const value = this.text(name)?.trim();
    if (value === undefined || value === '') return null;
    return resolveUrl(value, this.#base, (problem) => {
      this.#problem(`${name} ${problem}`);
    });
  }

  /** `name` and its method attribute, e.g. `action` + `method` [POST]. */
  target(name: string, methodName: string): ActionTarget | null {
    const url = this.url(name);
    if (url === null) return null;
    return { url, method: this.method(methodName) ?? 'POST' };
  }

  #problem(text: string): void {
    this.problems.push(`<${this.#element}> ${text}`);
  }
}

/** Resolves `value` against `base`; only http(s) URLs can be fetched. */
export function resolveUrl(
  value: string,
  base: string,
  problem: (text: string) => void,
): string | null {
  const parsed = URL.canParse(value, base) ? new URL(value, base) : null;
  if (parsed === null || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) {
    problem(`must be an http(s) URL, not "${value}"`);
    return null;
  }
  return parsed.href;
}

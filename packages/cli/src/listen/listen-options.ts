import { UsageError } from '../client/cli-error.js';

/** `-H 'name: value'`, repeatable: commander's collector for it. */
export function collectHeader(
  value: string,
  previous: [string, string][] = [],
): [string, string][] {
  const colon = value.indexOf(':');
  const name = colon === -1 ? '' : value.slice(0, colon).trim();
  if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) {
    throw new UsageError(`-H needs 'name: value', got ${JSON.stringify(value)}`);
  }
  return [...previous, [name, value.slice(colon + 1).trim()]];
}

/** An absolute http(s) URL given to `flag`. */
export function checkedUrl(flag: string, value: string): string {
  if (!URL.canParse(value) || !/^https?:$/.test(new URL(value).protocol)) {
    throw new UsageError(`${flag} needs an http(s) URL such as http://localhost:3000/webhooks`);
  }
  return value;
}

/** `--events a,b` as a list, or null when absent. */
export function eventList(value: string | undefined): string[] | null {
  if (value === undefined) return null;
  const list = value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
  if (list.length === 0) throw new UsageError('--events needs at least one event type');
  return list;
}

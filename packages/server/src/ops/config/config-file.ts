import { readFileSync } from 'node:fs';

/** Settings from a `--config` file, as strings keyed by flag name without `--`. */
export type FileSettings =
  | { readonly ok: true; readonly values: ReadonlyMap<string, string> }
  | { readonly ok: false; readonly error: string };

/**
 * Reads a JSON config file: one object whose keys are flag names without the dashes
 * (`"port": 7700`, `"retention": "7d"`, `"retry-schedule": [60000, 300000]`). Values go through
 * the same parsers as flags, so a file can express nothing a flag cannot.
 */
export function readConfigFile(path: string, known: ReadonlySet<string>): FileSettings {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    const reason = error instanceof SyntaxError ? 'is not valid JSON' : 'cannot be read';
    return { ok: false, error: `config file ${path} ${reason}` };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { ok: false, error: `config file ${path} must hold one JSON object` };
  }
  return fileValues(path, parsed as Record<string, unknown>, known);
}

function fileValues(
  path: string,
  object: Record<string, unknown>,
  known: ReadonlySet<string>,
): FileSettings {
  const values = new Map<string, string>();
  for (const [key, value] of Object.entries(object)) {
    if (!known.has(key))
      return { ok: false, error: `config file ${path}: unknown setting "${key}"` };
    const text = asText(value);
    if (text === null) {
      return { ok: false, error: `config file ${path}: "${key}" must be a string or a number` };
    }
    values.set(key, text);
  }
  return { ok: true, values };
}

function asText(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (Array.isArray(value) && value.every((item) => typeof item === 'number')) {
    return value.join(',');
  }
  return null;
}

const ASSIGNMENT = /^(\s*(?:export\s+)?)([A-Za-z_][A-Za-z0-9_]*)(\s*=)/;

/**
 * `text` (a .env file) with `values` set: an existing assignment is replaced in place (keeping an
 * `export ` prefix), a missing one is appended, and every other line is left byte for byte.
 */
export function mergeEnvFile(text: string, values: Readonly<Record<string, string>>): string {
  const pending = new Map(Object.entries(values));
  const lines = text === '' ? [] : text.split('\n');
  const trailingNewline = text.endsWith('\n');
  if (trailingNewline) lines.pop();
  const merged = lines.map((line) => replaceLine(line, pending));
  for (const [name, value] of pending) merged.push(`${name}=${quoteEnvValue(value)}`);
  return merged.length === 0 ? '' : `${merged.join('\n')}\n`;
}

function replaceLine(line: string, pending: Map<string, string>): string {
  const match = ASSIGNMENT.exec(line);
  const name = match?.[2];
  if (match === null || name === undefined) return line;
  const value = pending.get(name);
  if (value === undefined) return line;
  pending.delete(name);
  return `${match[1] ?? ''}${name}=${quoteEnvValue(value)}`;
}

/** A value as dotenv reads it back unchanged: bare when safe, else double-quoted. */
export function quoteEnvValue(value: string): string {
  if (/^[A-Za-z0-9_./:+=@-]*$/.test(value)) return value;
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}

/** Parses simple `NAME=value` lines (the subset `mergeEnvFile` writes, plus comments). */
export function parseEnvFile(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const match = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line);
    if (match?.[1] !== undefined) values[match[1]] = unquote((match[2] ?? '').trim());
  }
  return values;
}

function unquote(value: string): string {
  if (value.length < 2 || !value.startsWith('"') || !value.endsWith('"')) return value;
  return value
    .slice(1, -1)
    .replace(/\\(["\\n])/g, (_, char: string) => (char === 'n' ? '\n' : char));
}

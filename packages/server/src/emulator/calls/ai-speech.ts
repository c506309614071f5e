/**
 * The emulator's scripted "model" for gather_using_ai: the far end's speech fills the asked-for
 * fields from phrases like `age: 29`, `age is 29` or `age=29` (field names with `_` may be said
 * with spaces). Values are read as the field's JSON type; a value that does not fit is skipped.
 */
export function fieldsFromSpeech(
  text: string,
  fields: Readonly<Record<string, string>>,
): Record<string, string | number | boolean> {
  const found: Record<string, string | number | boolean> = {};
  for (const [name, type] of Object.entries(fields)) {
    const raw = spokenValue(text, name);
    if (raw === null) continue;
    const value = typed(raw, type);
    if (value !== null) found[name] = value;
  }
  return found;
}

function spokenValue(text: string, name: string): string | null {
  const spoken = escapeRegExp(name).replace(/_/g, '[ _]');
  // A value runs to a comma, semicolon or sentence end (a dot between digits is a decimal point).
  const pattern = new RegExp(`\\b${spoken}\\s*(?::|=|\\bis\\b)\\s*((?:[^,;.]|\\.(?=\\d))+)`, 'i');
  const value = pattern.exec(text)?.[1]?.trim();
  return value === undefined || value === '' ? null : value;
}

function typed(raw: string, type: string): string | number | boolean | null {
  if (type === 'integer') return /^-?\d+$/.test(raw) ? Number(raw) : null;
  if (type === 'number') return Number.isFinite(Number(raw)) ? Number(raw) : null;
  if (type === 'boolean') {
    if (/^(yes|true)$/i.test(raw)) return true;
    return /^(no|false)$/i.test(raw) ? false : null;
  }
  return raw;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

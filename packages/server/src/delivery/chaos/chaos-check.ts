import { fail, ok } from '../../api/validation/checked.js';
import type { Check } from '../../api/validation/field-checks.js';
import { invalidIssue } from '../../api/validation/issues.js';
import type { Json, JsonObject } from '../../storage/store.js';
import { parseChaosProfile } from './chaos-profile.js';

/**
 * The API check for a chaos profile (`switchboard_chaos` on resources, `chaos` on events):
 * null clears it; a bad member is a 10015 pointing at that member.
 */
export function chaosCheck(): Check<Json> {
  return (value, pointer) => {
    if (value === null) return ok(null);
    const parsed = parseChaosProfile(value);
    if (parsed.ok) return ok(parsed.profile as unknown as JsonObject);
    const at = parsed.field === '' ? pointer : `${pointer}/${parsed.field}`;
    return fail(invalidIssue({ pointer: at }, parsed.expected));
  };
}

/** The same check in the emulator's `(body, key)` style: the value, or a problem description. */
export function checkChaosMember(
  body: Readonly<Record<string, unknown>>,
  key: string,
): { readonly value: Json } | { readonly pointer: string; readonly detail: string } {
  const value = body[key];
  if (value === null || value === undefined) return { value: null };
  const parsed = parseChaosProfile(value);
  if (parsed.ok) return { value: parsed.profile as unknown as JsonObject };
  const name = parsed.field === '' ? key : `${key}.${parsed.field}`;
  const pointer = parsed.field === '' ? `/${key}` : `/${key}/${parsed.field}`;
  return { pointer, detail: `The '${name}' parameter must be ${parsed.expected}.` };
}

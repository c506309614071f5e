import { ChaosProfile, EXPECTED, registerFormats } from '@switchboard/core/contract';
import { Compile } from 'typebox/compile';
import { keywordsOf } from '../../../support/schema-object.js';
import { ownMember } from '../../../support/own-member.js';
import type { Json } from '../../../storage/json.js';

/**
 * Faults to inject into deliveries, set on an application or messaging profile as
 * `switchboard_chaos`, or on one event as `chaos`: declared once in `@switchboard/core/contract`.
 * See docs/chaos.md.
 */
export type { ChaosProfile };

export type ChaosParse =
  | { readonly ok: true; readonly profile: ChaosProfile }
  | { readonly ok: false; readonly field: string; readonly expected: string };

registerFormats();
const profileCheck = Compile(ChaosProfile);

/**
 * Checks a profile against its declaration: unknown fields are an error, so typos do not go
 * unseen. A failure names the top-level field at fault and, where declared, what it wants.
 */
export function parseChaosProfile(value: unknown): ChaosParse {
  if (profileCheck.Check(value)) return { ok: true, profile: value };
  const [first] = profileCheck.Errors(value);
  const field = first?.instancePath.split('/')[1] ?? '';
  return { ok: false, field, expected: expectedOf(field) };
}

function expectedOf(field: string): string {
  if (field === '') return 'an object';
  const properties = keywordsOf(ChaosProfile)['properties'];
  const member: unknown = isObject(properties) ? ownMember(properties, field) : undefined;
  const worded = isObject(member) ? member[EXPECTED] : undefined;
  return typeof worded === 'string' ? worded : 'no such chaos field';
}

/** The profile stored with a delivery, or null when chaos is off for it. */
export function chaosProfileOf(value: Json | undefined): ChaosProfile | null {
  if (value === undefined || value === null) return null;
  const parsed = parseChaosProfile(value);
  return parsed.ok ? parsed.profile : null;
}

/** The reorder window in ms, or 0 when reordering is off. */
export function reorderWindowMs(profile: ChaosProfile): number {
  const { reorder } = profile;
  if (reorder === undefined || reorder === false) return 0;
  return reorder === true ? 1_000 : reorder.window;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

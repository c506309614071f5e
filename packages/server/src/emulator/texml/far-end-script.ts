import { invalidIssue } from '../../api/validation/issues.js';
import type { Issue } from '../../api/validation/checked.js';
import { ValidationError } from '../../errors/api-error.js';

/**
 * One move of the simulated caller, made each time the app starts listening (a `<Gather>`
 * or `<Record>` begins): key in digits, say something, or hang up. A caller whose script has
 * run out stays silent.
 */
export type FarEndStep =
  { readonly dtmf: string } | { readonly speech: string } | { readonly hangup: true };

const EXPECTED = 'an object with one of dtmf (digits), speech (text) or hangup: true';

/** Reads `script` of a simulated TeXML call; bad entries are one 422 naming each. */
export function readScript(value: unknown): FarEndStep[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value))
    throw new ValidationError([invalidIssue({ pointer: '/script' }, 'an array')]);
  const steps: FarEndStep[] = [];
  const issues: Issue[] = [];
  for (const [index, item] of value.entries()) {
    const step = readStep(item);
    if (step === null) issues.push(invalidIssue({ pointer: `/script/${index}` }, EXPECTED));
    else steps.push(step);
  }
  const [first, ...rest] = issues;
  if (first !== undefined) throw new ValidationError([first, ...rest]);
  return steps;
}

function readStep(item: unknown): FarEndStep | null {
  if (typeof item !== 'object' || item === null) return null;
  const step = item as Record<string, unknown>;
  if (typeof step['dtmf'] === 'string' && /^[0-9A-D*#]+$/.test(step['dtmf']))
    return { dtmf: step['dtmf'] };
  if (typeof step['speech'] === 'string' && step['speech'] !== '')
    return { speech: step['speech'] };
  if (step['hangup'] === true) return { hangup: true };
  return null;
}

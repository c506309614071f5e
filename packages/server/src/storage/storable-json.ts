/** How deep a request body may nest objects and arrays; the body itself is level 1. */
export const MAX_JSON_DEPTH = 64;

/** Why a part of a body cannot be stored. */
export type Unstorable = 'too-deep' | 'nul';

/** Where in a body the first unstorable part is, as a JSON pointer. */
export interface UnstorablePart {
  readonly pointer: string;
  readonly problem: Unstorable;
}

/** An object or array on the walk, with the way back to the root for its pointer. */
interface Level {
  readonly value: object;
  readonly depth: number;
  readonly key: string;
  readonly parent: Level | null;
}

/**
 * The first part of a parsed body that could not be stored and served again: an object or array
 * nested deeper than `maxDepth` levels, or a string or key with U+0000, which PostgreSQL text
 * cannot hold. It walks with a stack of its own instead of recursing, so no depth of input can
 * exhaust the call stack; keys are joined into a pointer only for the part it reports.
 */
export function unstorablePart(value: unknown, maxDepth: number): UnstorablePart | null {
  if (typeof value === 'string') return hasNul(value) ? { pointer: '/', problem: 'nul' } : null;
  if (!isContainer(value)) return null;
  const pending: Level[] = [{ value, depth: 1, key: '', parent: null }];
  for (let level = pending.pop(); level !== undefined; level = pending.pop()) {
    if (level.depth > maxDepth) return { pointer: pointerOf(level), problem: 'too-deep' };
    for (const [key, child] of Object.entries(level.value)) {
      const next = { value: level.value, depth: level.depth + 1, key, parent: level };
      if (hasNul(key) || (typeof child === 'string' && hasNul(child))) {
        return { pointer: pointerOf(next), problem: 'nul' };
      }
      if (isContainer(child)) pending.push({ ...next, value: child });
    }
  }
  return null;
}

function isContainer(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}

function hasNul(text: string): boolean {
  return text.includes('\u0000');
}

/** RFC 6901: `~` is written `~0` and `/` is written `~1`. */
function pointerOf(level: Level): string {
  const keys: string[] = [];
  let at = level;
  while (at.parent !== null) {
    keys.push(`/${at.key.replaceAll('~', '~0').replaceAll('/', '~1')}`);
    at = at.parent;
  }
  return keys.reverse().join('') || '/';
}

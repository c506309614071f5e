/** How deep a request body may nest objects and arrays; the body itself is level 1. */
export const MAX_JSON_DEPTH = 64;

/** An object or array on the walk, with the way back to the root for its pointer. */
interface Level {
  readonly value: object;
  readonly depth: number;
  readonly key: string;
  readonly parent: Level | null;
}

/**
 * The JSON pointer of an object or array nested deeper than `maxDepth` levels in `value`, or null
 * when there is none. It walks with a stack of its own instead of recursing, so no depth of
 * input can exhaust the call stack; keys are joined into a pointer only for the one it reports.
 */
export function pointerBeyondDepth(value: unknown, maxDepth: number): string | null {
  if (!isContainer(value)) return null;
  const pending: Level[] = [{ value, depth: 1, key: '', parent: null }];
  for (let level = pending.pop(); level !== undefined; level = pending.pop()) {
    if (level.depth > maxDepth) return pointerOf(level);
    for (const [key, child] of Object.entries(level.value)) {
      if (isContainer(child)) {
        pending.push({ value: child, depth: level.depth + 1, key, parent: level });
      }
    }
  }
  return null;
}

function isContainer(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
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

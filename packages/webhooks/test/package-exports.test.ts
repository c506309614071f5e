import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  exports: Record<string, { source: string; types: string; default: string }>;
  peerDependencies: Record<string, string>;
  peerDependenciesMeta: Record<string, { optional?: boolean }>;
};
const OPTIONAL_PEERS = ['express', 'fastify', 'hono', 'ioredis', 'pg'];

/** Every module reachable from `file` through relative imports. */
function reachable(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const source = readFileSync(file, 'utf8');
  for (const [, specifier] of source.matchAll(/from '(\.[^']+)\.js'/g)) {
    reachable(resolve(dirname(file), `${specifier ?? ''}.ts`), seen);
  }
  return seen;
}

function bareImports(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  return [...source.matchAll(/^import (?!type)[^;]*from '([^.'][^']*)'/gm)].map((m) => m[1] ?? '');
}

describe('@switchboard/webhooks package', () => {
  it.each(Object.entries(manifest.exports))(
    'export %s points at a source file that loads',
    async (subpath, entry) => {
      expect(existsSync(join(root, entry.source))).toBe(true);
      expect(entry.types).toBe(entry.source.replace('./src/', './dist/').replace(/\.ts$/, '.d.ts'));
      const name =
        subpath === '.' ? '@switchboard/webhooks' : `@switchboard/webhooks/${subpath.slice(2)}`;
      await expect(import(name)).resolves.toBeTypeOf('object');
    },
  );

  it('keeps the optional peers out of the main entry point', () => {
    const imported = [...reachable(join(root, 'src/index.ts'))].flatMap(bareImports);
    expect(imported.filter((name) => OPTIONAL_PEERS.includes(name.split('/')[0] ?? ''))).toEqual(
      [],
    );
  });

  it('declares every framework and store client as an optional peer dependency', () => {
    for (const peer of OPTIONAL_PEERS) {
      expect(manifest.peerDependencies[peer]).toBeDefined();
      expect(manifest.peerDependenciesMeta[peer]?.optional).toBe(true);
    }
  });
});

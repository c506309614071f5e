import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { sourceHash } from '../build-info.js';

const DIST = fileURLToPath(new URL('../../server/dashboard-dist/', import.meta.url));

function distText(path: string): string {
  return readFileSync(`${DIST}${path}`, 'utf8');
}

describe('the committed dashboard build', () => {
  it('was built from the current sources (run `npm run build -w @switchboard/dashboard`)', () => {
    const info = JSON.parse(distText('build-info.json')) as { sourceHash: string };
    expect(info.sourceHash).toBe(sourceHash());
  });

  it('references only files it ships, all on the same origin', () => {
    const html = distText('index.html');
    const refs = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1] ?? '');
    expect(refs.filter((ref) => ref.startsWith('/assets/'))).not.toEqual([]);
    for (const ref of refs.filter((ref) => ref !== 'data:,')) {
      expect(ref).toMatch(/^\/assets\//);
      expect(existsSync(`${DIST}${ref.slice(1)}`)).toBe(true);
    }
  });

  it('loads no fonts or stylesheets from elsewhere', () => {
    const css = readdirSync(`${DIST}assets`).filter((name) => name.endsWith('.css'));
    expect(css).not.toEqual([]);
    for (const name of css) {
      const text = distText(`assets/${name}`);
      expect(text).not.toMatch(/@import|@font-face|url\(\s*['"]?https?:/);
    }
  });
});

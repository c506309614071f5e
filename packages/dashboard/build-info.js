// @ts-check
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const ROOT = import.meta.dirname;
/** Everything a build depends on besides node_modules, whose versions package.json pins. */
const INPUTS = ['index.html', 'vite.config.js', 'build-info.js', 'package.json', 'src'];

/**
 * SHA-256 over the dashboard's sources, in a stable order. The build records it in
 * `build-info.json`; a test recomputes it, so a committed build older than its sources fails.
 * @returns {string}
 */
export function sourceHash() {
  const hash = createHash('sha256');
  for (const file of INPUTS.flatMap((input) => filesUnder(join(ROOT, input))).sort()) {
    hash.update(relative(ROOT, file).split(sep).join('/'));
    hash.update('\0');
    hash.update(readFileSync(file));
    hash.update('\0');
  }
  return hash.digest('hex');
}

/** @param {string} path @returns {string[]} */
function filesUnder(path) {
  try {
    return readdirSync(path, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name));
  } catch {
    return [path];
  }
}

/** Emits `build-info.json` with the source hash. @returns {import('vite').Plugin} */
export function buildInfoPlugin() {
  return {
    name: 'switchboard-build-info',
    generateBundle() {
      this.emitFile({
        type: 'asset',
        fileName: 'build-info.json',
        source: `${JSON.stringify({ sourceHash: sourceHash() }, null, 2)}\n`,
      });
    },
  };
}

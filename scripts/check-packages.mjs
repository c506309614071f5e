// `npm test` step: every published workspace, packed as `npm publish` would, passes publint
// (strict) and arethetypeswrong (ESM-only profile, as `attw --pack DIR --profile esm-only`), and
// ships every file its manifest and its source maps name. Packs once, checks in one process, and
// needs no network. Run: node scripts/check-packages.mjs
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, posix } from 'node:path';
import { checkPackage, createPackageFromTarballData } from '@arethetypeswrong/core';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { packWorkspaces } from './pack-workspaces.mjs';

/** The packages are ESM only: CommonJS `require` and node10 resolution are not offered. */
const IGNORED_RESOLUTIONS = ['node10', 'node16-cjs'];

const root = join(dirname(new URL(import.meta.url).pathname), '..');
const destination = await mkdtemp(join(tmpdir(), 'switchboard-packages-'));
try {
  const failures = [];
  for (const workspace of await packWorkspaces(root, destination)) {
    const data = new Uint8Array(await readFile(workspace.tarball));
    const problems = [...(await publintProblems(data)), ...(await attwProblems(data))];
    problems.push(...missingFiles(createPackageFromTarballData(data)));
    for (const problem of problems) failures.push(`${workspace.name}: ${problem}`);
  }
  if (failures.length > 0) {
    console.error(failures.join('\n'));
    console.error('Details: npx publint --strict DIR; npx attw --pack DIR --profile esm-only');
    // A source deleted since the last build leaves its output in dist, and dist is published.
    console.error('Files of deleted sources: npx tsc -b --clean && npx tsc -b');
    process.exitCode = 1;
  } else {
    console.log('packages: publint, attw and packed files all pass');
  }
} finally {
  await rm(destination, { recursive: true, force: true });
}

async function publintProblems(data) {
  const tarball = data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength);
  const { messages, pkg } = await publint({ pack: { tarball }, strict: true });
  return messages.map((message) => `publint ${message.code}: ${formatMessage(message, pkg)}`);
}

async function attwProblems(data) {
  const analysis = await checkPackage(createPackageFromTarballData(data));
  if (analysis.types === false) return ['attw: the package ships no type declarations'];
  return analysis.problems
    .filter((problem) => !IGNORED_RESOLUTIONS.includes(problem.resolutionKind))
    .map((problem) => `attw ${problem.kind}: ${JSON.stringify(problem)}`);
}

/**
 * publint checks the standard conditions only; this covers the others (`source`), `bin`, and
 * the `sources` of every shipped source map, so that nothing in the tarball points outside it.
 */
function missingFiles(pkg) {
  const base = `/node_modules/${pkg.packageName}`;
  const manifest = JSON.parse(pkg.readFile(`${base}/package.json`));
  const named = [...targetsOf(manifest.exports), ...targetsOf(manifest.bin)].map((target) =>
    posix.join(base, target),
  );
  for (const map of pkg.listFiles().filter((file) => file.endsWith('.map'))) {
    const { sources = [], sourceRoot = '' } = JSON.parse(pkg.readFile(map));
    named.push(...sources.map((source) => posix.join(posix.dirname(map), sourceRoot, source)));
  }
  return [...new Set(named)]
    .filter((file) => !pkg.fileExists(file))
    .map((file) => `named but not packed: ${posix.relative(base, file)}`);
}

function targetsOf(value) {
  if (typeof value === 'string') return [value];
  if (value === null || typeof value !== 'object') return [];
  return Object.values(value).flatMap(targetsOf);
}

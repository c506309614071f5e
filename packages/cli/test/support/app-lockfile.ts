/** One entry of a package-lock.json `packages` map (lockfile versions 2 and 3). */
export interface LockEntry {
  readonly link?: boolean;
  readonly dependencies?: Readonly<Record<string, string>>;
  readonly optionalDependencies?: Readonly<Record<string, string>>;
  readonly peerDependencies?: Readonly<Record<string, string>>;
  readonly peerDependenciesMeta?: Readonly<Record<string, { readonly optional?: boolean }>>;
  readonly hasInstallScript?: boolean;
  readonly [field: string]: unknown;
}

export type LockPackages = Readonly<Record<string, LockEntry>>;

/** A package of the repository's own, and where the app installs it. */
export interface OwnPackage {
  /** Its lock path in the repository, e.g. `packages/server`. */
  readonly location: string;
  /** Its lock path in the app, e.g. `node_modules/@switchboard/server`. */
  readonly installedAt: string;
  readonly dependencies: Readonly<Record<string, string>>;
}

/** A third-party package the app needs: its lock path in the app and in the repository. */
export interface AppLockEntry {
  readonly path: string;
  readonly repoPath: string;
  readonly entry: LockEntry;
}

/**
 * The repository lockfile's entries for every third-party package `own` needs, at the paths
 * they have there, so that `npm install --offline` in a new app takes exactly the versions that
 * `npm ci` put in the cache. The repository's own packages are left out: npm reads them from
 * their tarballs. Layout flags (`dev`, `optional`, `peer`) are dropped for npm to work out again.
 */
export function appLockEntries(
  lock: LockPackages,
  own: readonly OwnPackage[],
): Map<string, AppLockEntry> {
  const found = new Map<string, AppLockEntry>();
  const relocate = (path: string): string => {
    const owner = own.find((pkg) => path.startsWith(`${pkg.location}/`));
    return owner === undefined ? path : owner.installedAt + path.slice(owner.location.length);
  };
  const visit = (from: string, requirements: readonly Requirement[]): void => {
    for (const { name, optional } of requirements) {
      const path = resolveIn(lock, from, name);
      if (path === null && optional) continue;
      if (path === null) throw new Error(`${name} (needed by ${from}) is not in package-lock.json`);
      const entry = lock[path] ?? {};
      if (entry.link === true || found.has(path)) continue;
      found.set(path, { path: relocate(path), repoPath: path, entry: withoutFlags(entry) });
      visit(path, requirementsOf(entry));
    }
  };
  for (const pkg of own) visit(pkg.location, requirementsOf({ dependencies: pkg.dependencies }));
  return new Map([...found.values()].map((item) => [item.path, item]));
}

/** The fields npm derives from the tree's shape, which differs in the app. */
const LAYOUT_FLAGS = new Set(['dev', 'optional', 'devOptional', 'peer']);

function withoutFlags(entry: LockEntry): LockEntry {
  return Object.fromEntries(Object.entries(entry).filter(([field]) => !LAYOUT_FLAGS.has(field)));
}

interface Requirement {
  readonly name: string;
  readonly optional: boolean;
}

/** What npm installs for an entry: its dependencies, optional ones and required peers. */
function requirementsOf(entry: LockEntry): Requirement[] {
  const optionalPeer = (name: string): boolean =>
    entry.peerDependenciesMeta?.[name]?.optional === true;
  return [
    ...Object.keys(entry.dependencies ?? {}).map((name) => ({ name, optional: false })),
    ...Object.keys(entry.optionalDependencies ?? {}).map((name) => ({ name, optional: true })),
    ...Object.keys(entry.peerDependencies ?? {})
      .filter((name) => !optionalPeer(name))
      .map((name) => ({ name, optional: false })),
  ];
}

/** Node's lookup in lockfile paths: `from`'s own node_modules, then each parent's, then the top. */
function resolveIn(lock: LockPackages, from: string, name: string): string | null {
  let base = from;
  for (;;) {
    const candidate = `${base === '' ? '' : `${base}/`}node_modules/${name}`;
    if (lock[candidate] !== undefined) return candidate;
    if (base === '') return null;
    const parent = base.lastIndexOf('/node_modules/');
    base = parent < 0 ? '' : base.slice(0, parent);
  }
}

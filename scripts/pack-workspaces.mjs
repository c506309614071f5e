// Packs the workspaces that are published (every one not marked private), as `npm publish`
// would, so that checks and the install test look at what users get rather than the repo.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** `npm query` rather than reading `workspaces`, so globs there are expanded as npm does. */
export async function publishableWorkspaces(root) {
  const { stdout } = await run('npm', ['query', '.workspace'], { cwd: root, maxBuffer: 16 << 20 });
  return JSON.parse(stdout)
    .filter((workspace) => workspace.private !== true)
    .map((workspace) => ({ name: workspace.name, dir: join(root, workspace.location) }));
}

/** One `npm pack` for all of them; lifecycle scripts are not run, as the tarballs need none. */
export async function packWorkspaces(root, destination) {
  const workspaces = await publishableWorkspaces(root);
  const selection = workspaces.flatMap((workspace) => ['-w', workspace.dir]);
  const args = ['pack', '--json', '--ignore-scripts', '--pack-destination', destination];
  const { stdout } = await run('npm', [...args, ...selection], {
    cwd: root,
    maxBuffer: 64 << 20,
  });
  const packed = new Map(JSON.parse(stdout).map((entry) => [entry.name, entry.filename]));
  return workspaces.map((workspace) => ({
    ...workspace,
    tarball: join(destination, packed.get(workspace.name)),
  }));
}

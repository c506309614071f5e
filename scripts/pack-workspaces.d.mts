export interface Workspace {
  /** The package name, e.g. `@switchboard/core`. */
  readonly name: string;
  /** Absolute path of the workspace's directory. */
  readonly dir: string;
}

export interface PackedWorkspace extends Workspace {
  /** Absolute path of its tarball. */
  readonly tarball: string;
}

export function publishableWorkspaces(root: string): Promise<Workspace[]>;
export function packWorkspaces(root: string, destination: string): Promise<PackedWorkspace[]>;

/** One route of the app: its path template (`/v2/calls/:id`) and the methods it serves. */
export interface RouteShape {
  readonly path: string;
  readonly methods: readonly string[];
}

interface Node {
  readonly depth: number;
  readonly path: string;
}

/**
 * Every route in the tree that Fastify's `printRoutes({ commonPrefix: false })` draws. Each line
 * is one node, indented four columns a level, holding its part of the path and, when routes
 * end there, their methods: `│   └── /:id (GET, HEAD)`.
 */
export function routeTable(tree: string): RouteShape[] {
  const routes: RouteShape[] = [];
  const open: Node[] = [];
  for (const line of tree.split('\n')) {
    const at = line.search(/[├└]── /);
    if (at < 0) continue;
    const match = /^(.*?)(?: \(([A-Z, ]+)\))?$/.exec(line.slice(at + 4));
    const depth = at / 4;
    open.length = depth;
    const parent = open[depth - 1]?.path ?? '';
    const path = join(parent, match?.[1] ?? '');
    open.push({ depth, path });
    const methods = match?.[2]?.split(', ') ?? [];
    if (methods.length > 0) routes.push({ path, methods });
  }
  return routes;
}

/** The tree drops the `/` between a parameter and a wildcard below it (`:token` then `*`). */
function join(parent: string, part: string): string {
  const needsSlash = part.startsWith('*') && parent !== '' && !parent.endsWith('/');
  return needsSlash ? `${parent}/${part}` : `${parent}${part}`;
}

// `npm test` step (`depcruise packages bench`): no import cycles between modules, type-only
// imports included, since a loop of types is still two modules that cannot be read apart; and
// the server's tiers import only downward.

const SRC = '^packages/server/src/';

/**
 * The server's tiers, lowest first: a tier imports only the tiers before it (docs/architecture.md).
 * emulator and inbox share a level and do not import each other. The entry points at the root of
 * src (index, start-server, start-worker, config) compose them all.
 */
const TIERS = ['support', 'storage', 'engine', 'http', 'emulator|inbox', 'ops'];

function tierRules() {
  return TIERS.flatMap((tier, index) => {
    const above = TIERS.slice(index + 1).join('|');
    const siblings = tier.includes('|') ? tier.split('|') : [];
    const upward =
      above === ''
        ? []
        : [
            {
              name: `tier-${tier.replace('|', '-')}`,
              comment: `${tier} is below ${above}: it may not import them.`,
              severity: 'error',
              from: { path: `${SRC}(${tier})/` },
              to: { path: `${SRC}(${above})/` },
            },
          ];
    const sideways = siblings.map((sibling) => ({
      name: `tier-${sibling}-alone`,
      comment: `${sibling} does not import its sibling tier.`,
      severity: 'error',
      from: { path: `${SRC}${sibling}/` },
      to: { path: `${SRC}(${siblings.filter((other) => other !== sibling).join('|')})/` },
    }));
    return [...upward, ...sideways];
  });
}

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'Modules import each other (directly or through others), types included.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    ...tierRules(),
  ],
  options: {
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.test.json' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist|dashboard-dist)/' },
    // As vitest and the dev TypeScript config resolve the workspace packages: to their sources.
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['source', 'import', 'types', 'default'],
    },
  },
};

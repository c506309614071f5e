// `npm test` step (`depcruise packages bench`): no import cycles between modules, type-only
// imports included, since a loop of types is still two modules that cannot be read apart.
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

import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  test: {
    include: ['packages/*/test/**/*.test.ts', 'packages/*/src/**/*.test.ts'],
    setupFiles: ['./vitest.setup.ts'],
    // Every JSON reply is checked against its route's declaration (http/response-check.ts).
    env: { SWITCHBOARD_CHECK_RESPONSES: '1' },
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    reporters: ['default'],
  },
});

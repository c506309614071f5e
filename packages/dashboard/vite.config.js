// @ts-check
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import { buildInfoPlugin } from './build-info.js';

/**
 * Builds into the server package, whose committed `dashboard-dist` is what `switchboard serve`
 * serves; `SWITCHBOARD_DASHBOARD_OUT` redirects a build (the freshness test builds elsewhere).
 */
const outDir = process.env.SWITCHBOARD_DASHBOARD_OUT ?? '../server/dashboard-dist';

export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  plugins: [preact(), buildInfoPlugin()],
  logLevel: 'warn',
  build: {
    outDir,
    emptyOutDir: true,
    sourcemap: false,
    modulePreload: { polyfill: false },
    reportCompressedSize: false,
    // Scripts (the microphone's AudioWorklet) stay files: the CSP allows no data: scripts.
    assetsInlineLimit: (file) => (file.endsWith('.js') ? false : undefined),
  },
});

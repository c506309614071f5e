import type { Plugin } from 'vite';

/** SHA-256 over the dashboard's sources, as recorded in the build's `build-info.json`. */
export function sourceHash(): string;
export function buildInfoPlugin(): Plugin;

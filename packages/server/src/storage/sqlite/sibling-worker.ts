import { Worker } from 'node:worker_threads';

/**
 * Starts the thread whose entry module `name` sits beside `moduleUrl` (the caller's
 * `import.meta.url`), in the form the caller runs in: the compiled `.js`, or, run from TypeScript
 * sources, the `.ts` (the runner brings the loader: `vitest.setup.ts`).
 */
export function siblingWorker(moduleUrl: string, name: string, workerData: unknown): Worker {
  const extension = moduleUrl.endsWith('.ts') ? 'ts' : 'js';
  return new Worker(new URL(`./${name}.${extension}`, moduleUrl), { workerData });
}

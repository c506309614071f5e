// Vitest runs the packages from their TypeScript sources, so a module that starts a worker thread
// on a sibling file (`new URL('./host.ts', import.meta.url)`) hands Node a `.ts` entry. Node 20
// applies no loader hooks in worker threads (`--import` included), so under vitest, and only
// here, such a thread registers tsx before it imports its entry. Compiled code starts `.js` hosts.
import type * as WorkerThreads from 'node:worker_threads';
import { vi } from 'vitest';

vi.mock('node:worker_threads', async (importOriginal) => {
  const threads = await importOriginal<typeof WorkerThreads>();
  class SourceWorker extends threads.Worker {
    constructor(entry: string | URL, options: WorkerThreads.WorkerOptions = {}) {
      super(...withLoader(entry, options));
    }
  }
  return { ...threads, Worker: SourceWorker };
});

function withLoader(
  entry: string | URL,
  options: WorkerThreads.WorkerOptions,
): [string | URL, WorkerThreads.WorkerOptions] {
  const href = entry instanceof URL ? entry.href : entry;
  if (options.eval === true || !href.endsWith('.ts')) return [entry, options];
  const source = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(href)}); });`;
  return [source, { ...options, eval: true }];
}

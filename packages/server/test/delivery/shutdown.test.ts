import { describe, expect, it } from 'vitest';
import { Shutdown } from '../../src/engine/delivery/shutdown.js';

describe('Shutdown', () => {
  it('calls every watcher once on abort, and none that stopped watching', () => {
    const shutdown = new Shutdown();
    const calls: string[] = [];
    shutdown.watch(() => calls.push('a'));
    const unwatch = shutdown.watch(() => calls.push('b'));
    unwatch();
    shutdown.abort();
    shutdown.abort();
    expect(calls).toEqual(['a']);
    expect(shutdown.aborted).toBe(true);
  });

  it('calls a watcher at once when the shutdown already happened', () => {
    const shutdown = new Shutdown();
    shutdown.abort();
    let called = 0;
    const unwatch = shutdown.watch(() => (called += 1));
    unwatch();
    expect(called).toBe(1);
  });
});

import { describe, expect, it } from 'vitest';
import type { ForwardAttempt } from '../../src/storage/inbox-store.js';
import { InboxRateLimiter } from '../../src/inbox/inbox-rate-limiter.js';
import { RelayHub, type Schedule } from '../../src/inbox/relay-hub.js';

/** A schedule whose timers run only when the test says so. */
function manualSchedule(): { schedule: Schedule; fire(): void; pending(): number } {
  const timers = new Set<() => void>();
  return {
    schedule: (run) => {
      timers.add(run);
      return () => timers.delete(run);
    },
    fire: () => {
      for (const run of [...timers]) {
        timers.delete(run);
        run();
      }
    },
    pending: () => timers.size,
  };
}

function attempt(overrides: Partial<ForwardAttempt> = {}): ForwardAttempt {
  return {
    id: 'a',
    url: 'http://localhost/x',
    status: 200,
    headers: [],
    body: '',
    latencyMs: 1,
    error: null,
    final: true,
    reportedAt: 0,
    ...overrides,
  };
}

describe('RelayHub', () => {
  it('knows which listeners would receive a capture', () => {
    const hub = new RelayHub();
    expect(hub.hasListener('acct', 'i1', null)).toBe(false);
    const leave = hub.connect({ accountId: 'acct', inboxId: 'i1', eventTypes: ['call.answered'] });
    expect(hub.hasListener('acct', 'i1', 'call.answered')).toBe(true);
    expect(hub.hasListener('acct', 'i1', 'call.hangup')).toBe(false);
    expect(hub.hasListener('acct', 'i1', null)).toBe(false);
    expect(hub.hasListener('acct', 'i2', 'call.answered')).toBe(false);
    expect(hub.hasListener('other', 'i1', 'call.answered')).toBe(false);
    hub.connect({ accountId: 'acct', inboxId: null, eventTypes: null });
    expect(hub.hasListener('acct', 'i2', null)).toBe(true);
    leave();
    expect(hub.hasListener('acct', 'i1', 'call.answered')).toBe(true);
  });

  it('resolves a held request with the final report only, and cancels its timer', async () => {
    const timers = manualSchedule();
    const hub = new RelayHub(timers.schedule);
    const held = hub.awaitReport('c1', 1000);
    hub.report('c1', attempt({ status: null, error: 'refused', final: false }));
    hub.report('c1', attempt({ status: 201 }));
    await expect(held).resolves.toEqual({ kind: 'reported', attempt: attempt({ status: 201 }) });
    expect(timers.pending()).toBe(0);
  });

  it('times out, and lets every held request go when the server closes', async () => {
    const timers = manualSchedule();
    const hub = new RelayHub(timers.schedule);
    const first = hub.awaitReport('c1', 1000);
    timers.fire();
    await expect(first).resolves.toEqual({ kind: 'timeout' });
    hub.report('c1', attempt());
    const second = hub.awaitReport('c2', 1000);
    hub.releaseAll();
    await expect(second).resolves.toEqual({ kind: 'closing' });
  });

  it('wakes subscribers of the account only, until they leave', () => {
    const hub = new RelayHub();
    const woken: string[] = [];
    const leave = hub.subscribe('acct', () => woken.push('a'));
    hub.subscribe('other', () => woken.push('o'));
    hub.notify('acct');
    leave();
    hub.notify('acct');
    expect(woken).toEqual(['a']);
  });
});

describe('InboxRateLimiter', () => {
  it('allows the limit per one-minute window, then says how long to wait', () => {
    let now = 0;
    const limiter = new InboxRateLimiter(() => now);
    expect(limiter.take('i', null)).toEqual({ allowed: true });
    expect([1, 2].map(() => limiter.take('i', 2).allowed)).toEqual([true, true]);
    now = 45_500;
    expect(limiter.take('i', 2)).toEqual({ allowed: false, retryAfterSecs: 15 });
    expect(limiter.take('j', 2).allowed).toBe(true);
    now = 60_000;
    expect(limiter.take('i', 2).allowed).toBe(true);
  });
});

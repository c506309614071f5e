import { describe, expect, it } from 'vitest';
import { TimerQueue, type TimerHost } from '../../../src/emulator/messaging/timer-queue.js';

function manualHost() {
  const armed: number[] = [];
  let cleared = 0;
  const host: TimerHost = {
    set: (_callback, delayMs) => armed.push(delayMs),
    clear: () => {
      cleared++;
    },
  };
  return { host, armed, cleared: () => cleared };
}

describe('TimerQueue', () => {
  it('runs due tasks in time order, ties in scheduling order', async () => {
    const clock = { now: 0 };
    const queue = new TimerQueue({ now: () => clock.now, host: manualHost().host });
    const ran: string[] = [];
    queue.schedule(30, () => void ran.push('c'));
    queue.schedule(10, () => void ran.push('a'));
    queue.schedule(10, () => void ran.push('b'));
    queue.schedule(50, () => void ran.push('late'));
    clock.now = 30;
    expect(await queue.runDue()).toBe(3);
    expect(ran).toEqual(['a', 'b', 'c']);
    expect(queue.size).toBe(1);
  });

  it('runs a task scheduled by a task when it is already due', async () => {
    const clock = { now: 100 };
    const queue = new TimerQueue({ now: () => clock.now, host: manualHost().host });
    const ran: string[] = [];
    queue.schedule(100, () => {
      ran.push('first');
      queue.schedule(100, () => void ran.push('second'));
    });
    await queue.runDue();
    expect(ran).toEqual(['first', 'second']);
  });

  it('keeps going after a task throws, reporting the error', async () => {
    const errors: unknown[] = [];
    const queue = new TimerQueue({
      now: () => 0,
      host: manualHost().host,
      onError: (e) => errors.push(e),
    });
    const ran: string[] = [];
    queue.schedule(0, () => Promise.reject(new Error('boom')));
    queue.schedule(0, () => void ran.push('after'));
    await queue.runDue();
    expect(ran).toEqual(['after']);
    expect(errors).toEqual([new Error('boom')]);
  });

  it('arms one timer for the earliest task and re-arms when an earlier one arrives', () => {
    const manual = manualHost();
    const queue = new TimerQueue({ now: () => 0, host: manual.host });
    queue.schedule(500, () => undefined);
    queue.schedule(900, () => undefined);
    queue.schedule(200, () => undefined);
    expect(manual.armed).toEqual([500, 200]);
    expect(manual.cleared()).toBe(1);
  });

  it('drops pending tasks on close', async () => {
    const queue = new TimerQueue({ now: () => 0, host: manualHost().host });
    const ran: string[] = [];
    queue.schedule(0, () => void ran.push('x'));
    queue.close();
    queue.schedule(0, () => void ran.push('y'));
    await queue.runDue();
    expect(ran).toEqual([]);
  });

  it('fires through the real timer when no host is given', async () => {
    const queue = new TimerQueue({ now: () => Date.now() });
    const done = new Promise<string>((resolve) => {
      queue.schedule(Date.now(), () => {
        resolve('ran');
      });
    });
    expect(await done).toBe('ran');
  });
});

import { describe, expect, it } from 'vitest';
import { PostgresDueNotifier } from '../../src/storage/postgres/postgres-due-notifier.js';

/** A send that stays open until the test lets it finish. */
function gatedSend(): { send: () => Promise<void>; sent: () => number; finish: () => void } {
  let sent = 0;
  let release: (() => void) | null = null;
  return {
    send: () => {
      sent += 1;
      return new Promise<void>((resolve) => (release = resolve));
    },
    sent: () => sent,
    finish: () => release?.(),
  };
}

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('PostgresDueNotifier', () => {
  it('sends at once, then one more for every burst of pokes made while a send was on its way', async () => {
    const gate = gatedSend();
    const notifier = new PostgresDueNotifier(gate.send);
    notifier.poke();
    expect(gate.sent()).toBe(1);
    notifier.poke();
    notifier.poke();
    notifier.poke();
    gate.finish();
    await turn();
    expect(gate.sent()).toBe(2);
    gate.finish();
    await notifier.settled();
    expect(gate.sent()).toBe(2);
  });

  it('drops a failed send and keeps notifying afterwards', async () => {
    let calls = 0;
    const notifier = new PostgresDueNotifier(() => {
      calls += 1;
      return calls === 1 ? Promise.reject(new Error('connection lost')) : Promise.resolve();
    });
    notifier.poke();
    await notifier.settled();
    notifier.poke();
    await notifier.settled();
    expect(calls).toBe(2);
  });
});

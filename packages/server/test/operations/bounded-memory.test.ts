import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ChaosSequence } from '../../src/engine/delivery/chaos/chaos-sequence.js';
import type { RoundEvent } from '../../src/engine/delivery/delivery-worker.js';
import { CallEngine } from '../../src/emulator/calls/call-engine.js';
import { MAX_COMMAND_IDS } from '../../src/emulator/calls/call-machine.js';
import { createServerMetrics } from '../../src/ops/metrics/server-metrics.js';
import type { Delivery, Store } from '../../src/storage/store.js';
import { ACCOUNT, APP_ID, CallFixture } from '../emulator/calls/support/call-fixture.js';
import { parsePrometheus } from './support/prometheus-text.js';

// Each in-memory map that a client can grow is bounded by a count, so that no amount of traffic
// inside a time window makes it larger. Time-based pruning alone is not enough: 10,000 requests a
// second for 60 s would keep 600,000 entries.

describe('the Dial command_id memory', () => {
  let fx: CallFixture;
  beforeEach(async () => {
    fx = await new CallFixture().setUp();
  });
  afterEach(async () => {
    await fx.tearDown();
  });

  const dial = (engine: CallEngine, commandId: string) =>
    engine.dial(ACCOUNT, {
      connection_id: APP_ID,
      to: '+13125559999',
      from: '+13125550000',
      command_id: commandId,
    });

  it('keeps at most `rememberedDials` command_ids, even within the 60 s window', async () => {
    const engine = new CallEngine(fx.deps(), { rememberedDials: 3 });
    const first = await dial(engine, 'dial-0');
    for (let i = 1; i <= 3; i += 1) await dial(engine, `dial-${i}`);
    // dial-0 was the oldest of four: forgotten, so its repeat is a new call.
    expect((await dial(engine, 'dial-0')).id).not.toBe(first.id);
    const third = await dial(engine, 'dial-3');
    expect((await dial(engine, 'dial-3')).id).toBe(third.id);
    engine.runtime.close();
  });

  it('still answers a repeat within the window with the first call', async () => {
    const engine = new CallEngine(fx.deps());
    const first = await dial(engine, 'same');
    fx.clock += 59_000;
    expect((await dial(engine, 'same')).id).toBe(first.id);
    fx.clock += 1_000;
    expect((await dial(engine, 'same')).id).not.toBe(first.id);
    engine.runtime.close();
  });
});

describe("a call's command_id memory", () => {
  let fx: CallFixture;
  beforeEach(async () => {
    fx = await new CallFixture().setUp();
  });
  afterEach(async () => {
    await fx.tearDown();
  });

  it(`keeps the newest ${MAX_COMMAND_IDS} command_ids of a call, however many arrive in 60 s`, async () => {
    const id = await fx.dial('+13125559999');
    const extra = 20;
    for (let i = 0; i < MAX_COMMAND_IDS + extra; i += 1) {
      const reply = await fx.action(id, 'client_state_update', {
        client_state: 'c3RhdGU=',
        command_id: `cmd-${i}`,
      });
      expect(reply.status).toBe(200);
    }
    const state = await fx.engine.get(ACCOUNT, id);
    const kept = Object.keys(state.commandIds);
    expect(kept).toHaveLength(MAX_COMMAND_IDS);
    expect(kept).toContain(`cmd-${MAX_COMMAND_IDS + extra - 1}`);
    expect(kept).not.toContain('cmd-0');
  });
});

describe('the chaos sequence', () => {
  it('forgets the least recently used stream past its limit, so it starts again from 0', () => {
    const sequence = new ChaosSequence(3);
    expect(sequence.take('a')).toBe(0);
    expect(sequence.take('a')).toBe(1);
    sequence.take('b');
    sequence.take('c');
    expect(sequence.take('a')).toBe(2); // used again: now the most recent
    sequence.take('d'); // over the limit: b, the least recently used, goes
    expect(sequence.size).toBe(3);
    expect(sequence.take('b')).toBe(0);
    expect(sequence.take('a')).toBe(3);
  });
});

describe('metric label sets', () => {
  const store = { countQueued: () => Promise.resolve(0), nextDueAt: () => Promise.resolve(null) };
  const delivery = (eventType: string, origin: string): Delivery =>
    ({ eventType, origin }) as unknown as Delivery;
  const recorded = (eventType: string): RoundEvent => ({
    kind: 'recorded',
    delivery: delivery(eventType, 'https://a.example'),
    update: { state: 'delivered' } as never,
  });

  it('fold event types past the limit into "other"; Telnyx event types always keep their name', async () => {
    const metrics = createServerMetrics({ store: store as unknown as Store });
    for (let i = 0; i < 1_000; i += 1) metrics.onRound(recorded(`custom.${i}`));
    metrics.onRound(recorded('call.hangup'));
    const samples = parsePrometheus(await metrics.scrape()).filter(
      (sample) => sample.name === 'switchboard_deliveries_total',
    );
    const types = new Set(samples.map((sample) => sample.labels['event_type']));
    expect(types.size).toBeLessThanOrEqual(102);
    expect(types).toContain('other');
    expect(types).toContain('call.hangup');
    expect(types).toContain('custom.0');
    expect(samples.reduce((sum, sample) => sum + sample.value, 0)).toBe(1_001);
  });

  it('drop the in-flight series of an origin once its tries have ended', async () => {
    const metrics = createServerMetrics({ store: store as unknown as Store });
    for (let i = 0; i < 500; i += 1) {
      const event = { delivery: delivery('call.hangup', `https://host-${i}.example`) };
      metrics.onRound({ kind: 'started', ...event });
      metrics.onRound({ kind: 'ended', ...event });
    }
    const busy = { delivery: delivery('call.hangup', 'https://busy.example') };
    metrics.onRound({ kind: 'started', ...busy });
    const series = parsePrometheus(await metrics.scrape()).filter(
      (sample) => sample.name === 'switchboard_tries_in_flight',
    );
    expect(series).toEqual([
      { name: 'switchboard_tries_in_flight', labels: { origin: 'https://busy.example' }, value: 1 },
    ]);
  });
});

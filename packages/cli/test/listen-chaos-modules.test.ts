import { describe, expect, it } from 'vitest';
import type { RawOutcome, RawRequest } from '../src/client/send-raw-request.js';
import { SwitchboardClient } from '../src/client/switchboard-client.js';
import type { CaptureEvent } from '../src/listen/capture-event.js';
import { CursorWatermark } from '../src/listen/cursor-watermark.js';
import { forwardCapture } from '../src/listen/forward-capture.js';
import { copyPlans, PLAIN_COPY } from '../src/listen/listen-chaos.js';
import { ReorderWindow, type Released } from '../src/listen/reorder-window.js';
import { seededRandom } from '@switchboard/core';

const capture: CaptureEvent = {
  id: 'c1',
  sequence: 1,
  inbox_id: 'i',
  method: 'POST',
  path: '/switchboard/inbox/t',
  query: '',
  headers: [],
  body_base64: '',
  event_type: null,
};
const noClient = new SwitchboardClient({ server: 'http://127.0.0.1:9', keyLookup: { env: {} } });

describe('CursorWatermark', () => {
  it('passes a capture only when it and all before it are done', () => {
    const marks = new CursorWatermark();
    for (const sequence of [4, 5, 9]) marks.received(sequence);
    expect(marks.done(5)).toBeNull();
    expect(marks.done(9)).toBeNull();
    expect(marks.done(4)).toBe(9);
  });
});

describe('ReorderWindow', () => {
  it('lets a full window out shuffled, the same way for the same draws', () => {
    const orders: number[][] = [];
    for (let run = 0; run < 2; run++) {
      const released: Released<number>[] = [];
      const window = new ReorderWindow<number>({
        size: 5,
        idleMs: 60_000,
        random: (n) => seededRandom(1, 'reorder', n),
        release: (items) => released.push(...items),
      });
      for (let n = 0; n < 5; n++) window.add(n);
      orders.push(released.map((item) => item.item));
    }
    expect(orders[0]).toEqual(orders[1]);
    expect([...(orders[0] ?? [])].sort()).toEqual([0, 1, 2, 3, 4]);
    expect(orders[0]).not.toEqual([0, 1, 2, 3, 4]);
  });
});

describe('copyPlans', () => {
  it('is one plain copy without chaos, and duplicates with probability 1', () => {
    expect(copyPlans(null, 0)).toHaveLength(1);
    const plans = copyPlans({ profile: { duplicate: 1, clock_skew_secs: -5 }, seed: 1 }, 0);
    expect(plans.map((plan) => plan.notes)).toEqual([
      ['clock_skew -5s', 'duplicate 1/2'],
      ['clock_skew -5s', 'duplicate 2/2'],
    ]);
    expect(plans[0]?.timestampShiftSecs).toBe(-5);
  });
});

describe('forwardCapture under fail_first', () => {
  it('cycles injected failures through the URLs, then tries each URL once for real', async () => {
    const sent: string[] = [];
    const send = (request: RawRequest): Promise<RawOutcome> => {
      sent.push(request.url);
      return Promise.resolve({ kind: 'error', message: 'down', latencyMs: 1 });
    };
    const settings = {
      forwardTo: 'http://a.test/x',
      failoverTo: 'http://b.test/y',
      extraHeaders: [],
      resign: false,
    };
    const tries = await forwardCapture(
      capture,
      settings,
      noClient,
      { ...PLAIN_COPY, failFirst: 3 },
      send,
    );
    expect(tries.map((item) => [item.url, item.chaos])).toEqual([
      ['http://a.test/x', ['fail_first 1/3']],
      ['http://b.test/y', ['fail_first 2/3']],
      ['http://a.test/x', ['fail_first 3/3']],
      ['http://b.test/y', []],
      ['http://a.test/x', []],
    ]);
    expect(sent).toEqual(['http://b.test/y', 'http://a.test/x']);
  });
});

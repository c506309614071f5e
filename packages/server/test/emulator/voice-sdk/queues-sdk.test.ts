import { describe, expect, it } from 'vitest';
import { useVoiceHarness, type VoiceHarness } from './voice-harness.js';

let h: VoiceHarness;
useVoiceHarness((harness) => {
  h = harness;
});

describe('queues through the telnyx 7.x SDK', () => {
  it('creates a queue, lists its waiting calls and dequeues by bridge', async () => {
    const created = await h.client.queues.create({ queue_name: 'sdk-line', max_size: 10 });
    expect(created.data?.max_size).toBe(10);
    const caller = await h.answeredCall();
    const agent = await h.answeredCall();
    await h.client.calls.actions.enqueue(caller, { queue_name: 'sdk-line' });
    await h.untilFor('call.enqueued', caller);
    const waiting = await h.client.queues.calls.list('sdk-line');
    expect(waiting.data.map((c) => c.call_control_id)).toEqual([caller]);
    const one = await h.client.queues.calls.retrieve(caller, { queue_name: 'sdk-line' });
    expect(one.data?.queue_position).toBe(1);
    const queue = await h.client.queues.retrieve('sdk-line');
    expect(queue.data?.current_size).toBe(1);
    await h.client.calls.actions.bridge(agent, {
      call_control_id_to_bridge_with: '',
      queue: 'sdk-line',
    });
    const dequeued = await h.untilFor('call.dequeued', caller);
    expect(dequeued.payload['reason']).toBe('bridged');
    await h.client.queues.update('sdk-line', { max_size: 20 });
    const list = await h.client.queues.list();
    expect(list.data.map((q) => [q.name, q.max_size, q.current_size])).toEqual([
      ['sdk-line', 20, 0],
    ]);
    await h.client.queues.delete('sdk-line');
    expect(h.problems()).toEqual([]);
  });
});

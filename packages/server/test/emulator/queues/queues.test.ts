import { describe, expect, it } from 'vitest';
import type { CallFixture } from '../calls/support/call-fixture.js';
import { useCallFixture } from '../calls/support/call-fixture.js';

let fx: CallFixture;
useCallFixture((fixture) => {
  fx = fixture;
});

describe('queues', () => {
  it('sees the calls enqueue placed, in line order, with their wait', async () => {
    const first = await fx.answered();
    const second = await fx.answered();
    await fx.action(first, 'enqueue', { queue_name: 'support' });
    await fx.advance(2000);
    await fx.action(second, 'enqueue', { queue_name: 'support' });
    await fx.advance(1000);
    const queue = await fx.get('/v2/queues/support');
    expect(queue.json['data']).toMatchObject({
      record_type: 'queue',
      name: 'support',
      current_size: 2,
      max_size: 100,
    });
    const calls = await fx.get('/v2/queues/support/calls');
    expect(calls.json['data']).toMatchObject([
      { call_control_id: first, queue_position: 1, wait_time_secs: 3, is_alive: true },
      { call_control_id: second, queue_position: 2, wait_time_secs: 1 },
    ]);
    await fx.action(first, 'leave_queue');
    const one = await fx.get(`/v2/queues/support/calls/${encodeURIComponent(second)}`);
    expect(one.json['data']).toMatchObject({ queue_position: 1 });
    expect((await fx.get('/v2/queues/support')).json['data']).toMatchObject({
      current_size: 1,
      average_wait_time_secs: 3,
    });
  });

  it("keeps a created queue's max size: the enqueue beyond it is 90036", async () => {
    const created = await fx.post('/v2/queues', { queue_name: 'tiny', max_size: 1 });
    expect(created.json['data']).toMatchObject({ max_size: 1, current_size: 0 });
    await fx.action(await fx.answered(), 'enqueue', { queue_name: 'tiny', max_size: 50 });
    const full = await fx.action(await fx.answered(), 'enqueue', { queue_name: 'tiny' });
    expect(full.status).toBe(422);
    expect(full.json).toMatchObject({ errors: [{ code: '90036' }] });
  });

  it('bridges with the head of the queue (call.dequeued bridged); empty queue is 422', async () => {
    const waiting = await fx.answered();
    const agent = await fx.answered();
    await fx.action(waiting, 'enqueue', { queue_name: 'sales' });
    expect((await fx.action(agent, 'bridge', { queue: 'sales' })).status).toBe(200);
    expect(fx.payloadOf(waiting, 'call.dequeued')).toMatchObject({ reason: 'bridged' });
    expect(fx.typesFor(agent)).toContain('call.bridged');
    const empty = await fx.action(agent, 'bridge', { queue: 'sales' });
    expect(empty.status).toBe(422);
    expect(empty.json).toMatchObject({ errors: [{ source: { pointer: '/queue' } }] });
  });

  it('deletes only an empty queue (400 90050); removes a waiting call (leave)', async () => {
    const id = await fx.answered();
    await fx.action(id, 'enqueue', { queue_name: 'line' });
    const refused = await fx.app.inject({ method: 'DELETE', url: '/v2/queues/line' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ errors: [{ code: '90050' }] });
    const removed = await fx.app.inject({
      method: 'DELETE',
      url: `/v2/queues/line/calls/${encodeURIComponent(id)}`,
    });
    expect(removed.statusCode).toBe(204);
    expect(fx.payloadOf(id, 'call.dequeued')).toMatchObject({ reason: 'leave' });
    const gone = await fx.app.inject({ method: 'DELETE', url: '/v2/queues/line' });
    expect(gone.statusCode).toBe(204);
    expect((await fx.get('/v2/queues/line')).status).toBe(404);
  });

  it('lets other code enqueue through the engine API', async () => {
    const id = await fx.answered();
    await fx.engine.queues.enqueue('acct-calls', id, 'texml', { maxWaitSecs: 5 });
    expect(fx.engine.queues.head('acct-calls', 'texml')?.id).toBe(id);
    await fx.advance(5000);
    expect(fx.payloadOf(id, 'call.dequeued')).toMatchObject({ reason: 'timeout' });
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dashboardHarness, type DashboardHarness } from './dashboard-harness.js';

interface Timeline {
  call: { phase: string; direction: string };
  timeline: { kind: string; name: string }[];
}

let h: DashboardHarness;
beforeEach(async () => {
  h = await dashboardHarness();
});
afterEach(async () => {
  await h.close();
});

async function inboundCall(): Promise<string> {
  const app = await h.call<{ data: { id: string } }>('POST', '/v2/call_control_applications', {
    application_name: 'desk',
    webhook_event_url: 'https://hooks.example.com/calls',
  });
  const call = await h.call<{ data: { call_control_id: string } }>(
    'POST',
    '/switchboard/simulate/calls',
    {
      connection_id: app.body.data.id,
      from: '+13125550001',
      to: '+13125550002',
    },
  );
  return call.body.data.call_control_id;
}

/** The command log is written after each reply is sent; read until it holds `count` lines. */
async function timelineWith(id: string, count: number): Promise<Timeline> {
  for (;;) {
    const { body } = await h.call<{ data: Timeline }>('GET', `/switchboard/calls/${id}/timeline`);
    if (body.data.timeline.filter((entry) => entry.kind !== 'event').length >= count)
      return body.data;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

describe('call dashboard routes', () => {
  it("lists the account's calls with their phase", async () => {
    const id = await inboundCall();
    const { status, body } = await h.call<{ data: { call_control_id: string; phase: string }[] }>(
      'GET',
      '/switchboard/calls',
    );
    expect(status).toBe(200);
    expect(body.data).toMatchObject([
      { call_control_id: id, phase: 'parked', direction: 'incoming' },
    ]);
  });

  it('merges start, commands, far-end actions and webhooks in order', async () => {
    const id = await inboundCall();
    expect((await h.call('POST', `/v2/calls/${id}/actions/answer`, {})).status).toBe(200);
    expect(
      (await h.call('POST', `/switchboard/simulate/calls/${id}/actions/hangup`, {})).status,
    ).toBe(200);
    const data = await timelineWith(id, 3);
    expect(data.call.phase).toBe('ended');
    expect(data.timeline.map((entry) => `${entry.kind}:${entry.name}`)).toEqual([
      'started:incoming',
      'event:call.initiated',
      'command:answer',
      'event:call.answered',
      'far_end:hangup',
      'event:call.hangup',
    ]);
  });

  it('logs refused commands too, with their status', async () => {
    const id = await inboundCall();
    const refused = await h.call('POST', `/switchboard/simulate/calls/${id}/actions/dtmf`, {
      digits: '1',
    });
    expect(refused.status).toBeGreaterThanOrEqual(400);
    const data = await timelineWith(id, 2);
    expect(data.timeline[2]).toMatchObject({
      kind: 'far_end',
      name: 'dtmf',
      detail: { status: refused.status },
    });
  });

  it("answers 404 for another account's or an unknown call", async () => {
    const { status } = await h.call('GET', '/switchboard/calls/v3:nope/timeline');
    expect(status).toBe(404);
  });
});

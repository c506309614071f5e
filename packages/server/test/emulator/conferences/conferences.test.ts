import { describe, expect, it } from 'vitest';
import type { CallFixture } from '../calls/support/call-fixture.js';
import { useCallFixture } from '../calls/support/call-fixture.js';

let fx: CallFixture;
useCallFixture((fixture) => {
  fx = fixture;
});

async function conference(name = 'standup', extra: Record<string, unknown> = {}) {
  const host = await fx.answered();
  const reply = await fx.post('/v2/conferences', { call_control_id: host, name, ...extra });
  expect(reply.status).toBe(200);
  const data = reply.json['data'] as Record<string, unknown>;
  return { host, id: data['id'] as string, data };
}

const types = (): string[] =>
  fx.emits.filter((e) => e.eventType.startsWith('conference.')).map((e) => e.eventType);

describe('conferences', () => {
  it('creates from a call: conference.created then the creator joins', async () => {
    const { host, id, data } = await conference();
    expect(data).toMatchObject({
      record_type: 'conference',
      name: 'standup',
      status: 'in_progress',
    });
    expect(types()).toEqual(['conference.created', 'conference.participant.joined']);
    expect(fx.payloadOf(host, 'conference.participant.joined')).toMatchObject({
      conference_id: id,
      call_control_id: host,
    });
    const call = await fx.engine.runtime.find('acct-calls', host);
    expect(call?.conferenceId).toBe(id);
  });

  it('joins, mutes, speaks, records, leaves and ends with the last participant', async () => {
    const { host, id } = await conference();
    const guest = await fx.answered();
    expect(
      (await fx.post(`/v2/conferences/${id}/actions/join`, { call_control_id: guest })).status,
    ).toBe(200);
    await fx.post(`/v2/conferences/${id}/actions/mute`, { call_control_ids: [guest] });
    const list = await fx.get(`/v2/conferences/${id}/participants?filter[muted]=true`);
    expect(
      (list.json['data'] as { call_control_id: string }[]).map((p) => p.call_control_id),
    ).toEqual([guest]);
    await fx.post(`/v2/conferences/${id}/actions/speak`, {
      payload: 'Welcome all',
      voice: 'female',
    });
    await fx.post(`/v2/conferences/${id}/actions/record_start`, { format: 'wav' });
    await fx.advance(1000);
    await fx.post(`/v2/conferences/${id}/actions/record_stop`, {});
    await fx.post(`/v2/conferences/${id}/actions/leave`, { call_control_id: guest });
    await fx.action(host, 'hangup');
    expect(types()).toEqual([
      'conference.created',
      'conference.participant.joined',
      'conference.participant.joined',
      'conference.speak.started',
      'conference.speak.ended',
      'conference.recording.saved',
      'conference.participant.left',
      'conference.participant.left',
      'conference.ended',
    ]);
    expect(fx.emits.find((e) => e.eventType === 'conference.ended')?.payload).toMatchObject({
      reason: 'all_left',
      call_control_id: host,
    });
    const saved = fx.emits.find((e) => e.eventType === 'conference.recording.saved')?.payload;
    const recording = await fx.get(`/v2/recordings/${String(saved?.['recording_id'])}`);
    expect(recording.json['data']).toMatchObject({ source: 'conference', conference_id: id });
    const ended = await fx.get(`/v2/conferences/${id}`);
    expect(ended.json['data']).toMatchObject({ status: 'completed', end_reason: 'all_left' });
    const guestCall = await fx.get(`/v2/calls/${encodeURIComponent(guest)}`);
    expect(guestCall.json['data']).toMatchObject({ is_alive: true });
  });

  it('plays to named participants with participant events; loop infinity ends only on stop', async () => {
    const { host, id } = await conference();
    await fx.post(`/v2/conferences/${id}/actions/play`, {
      audio_url: 'https://cdn.example/hold.mp3',
      loop: 'infinity',
      call_control_ids: [host],
    });
    await fx.advance(60_000);
    expect(types().slice(2)).toEqual(['conference.participant.playback.started']);
    await fx.post(`/v2/conferences/${id}/actions/stop`, {});
    expect(types().slice(2)).toEqual([
      'conference.participant.playback.started',
      'conference.participant.playback.ended',
    ]);
  });

  it('end hangs every participant up; then commands answer 90019', async () => {
    const { host, id } = await conference();
    const guest = await fx.answered();
    await fx.post(`/v2/conferences/${id}/actions/join`, { call_control_id: guest });
    expect((await fx.post(`/v2/conferences/${id}/actions/end`)).status).toBe(200);
    expect(fx.typesFor(host)).toContain('call.hangup');
    expect(fx.typesFor(guest)).toContain('call.hangup');
    const again = await fx.post(`/v2/conferences/${id}/actions/mute`, {});
    expect(again.status).toBe(422);
    expect(again.json).toMatchObject({ errors: [{ code: '90019' }] });
    const view = await fx.get(`/v2/conferences/${id}`);
    expect(view.json['data']).toMatchObject({ end_reason: 'ended_via_api' });
  });

  it('end_conference_on_exit: the host leaving ends it with host_left', async () => {
    const { id } = await conference();
    const host2 = await fx.answered();
    await fx.post(`/v2/conferences/${id}/actions/join`, {
      call_control_id: host2,
      end_conference_on_exit: true,
    });
    await fx.action(host2, 'hangup');
    expect(fx.emits.find((e) => e.eventType === 'conference.ended')?.payload).toMatchObject({
      reason: 'host_left',
    });
  });

  it('refuses a live name twice (90033), an unknown id (404 90058), a full one (90032)', async () => {
    const { id } = await conference('room', { max_participants: 2 });
    const other = await fx.answered();
    const twice = await fx.post('/v2/conferences', { call_control_id: other, name: 'room' });
    expect(twice.json).toMatchObject({ errors: [{ code: '90033' }] });
    const missing = await fx.get('/v2/conferences/8e1c3c5e-2e0c-4d43-9d8c-3b7f0b1c2d3e');
    expect(missing.status).toBe(404);
    expect(missing.json).toMatchObject({ errors: [{ code: '90058' }] });
    await fx.post(`/v2/conferences/${id}/actions/join`, { call_control_id: other });
    const third = await fx.answered();
    const full = await fx.post(`/v2/conferences/${id}/actions/join`, { call_control_id: third });
    expect(full.json).toMatchObject({ errors: [{ code: '90032' }] });
  });

  it('dial with conference_config joins the named conference on answer', async () => {
    const { id } = await conference('sales');
    const dialled = await fx.dial('+13125550100', {
      conference_config: { conference_name: 'sales', mute: true },
    });
    await fx.advance(100);
    const participants = await fx.get(`/v2/conferences/${id}/participants`);
    const rows = participants.json['data'] as { call_control_id: string; muted: boolean }[];
    expect(rows.find((p) => p.call_control_id === dialled)).toMatchObject({ muted: true });
  });

  it('conference_config naming a conference that is gone leaves the call answered outside', async () => {
    const id = await fx.dial('+13125550100', {
      conference_config: { id: '8e1c3c5e-2e0c-4d43-9d8c-3b7f0b1c2d3e' },
    });
    await fx.advance(100);
    expect(fx.typesFor(id)).toEqual(['call.initiated', 'call.answered']);
  });

  it('survives a restart: a playing prompt still ends and a hangup still leaves', async () => {
    const { host, id } = await conference();
    await fx.post(`/v2/conferences/${id}/actions/play`, {
      audio_url: 'https://cdn.example/a.mp3?duration=2',
    });
    await fx.restart();
    await fx.advance(2000);
    expect(types()).toContain('conference.playback.ended');
    await fx.action(host, 'hangup');
    expect(types().slice(-2)).toEqual(['conference.participant.left', 'conference.ended']);
  });

  it('ignores a repeated command_id within 60 s', async () => {
    const { id } = await conference();
    const speak = { payload: 'Hi', voice: 'female', command_id: 'c-1' };
    await fx.post(`/v2/conferences/${id}/actions/speak`, speak);
    await fx.post(`/v2/conferences/${id}/actions/speak`, speak);
    await fx.advance(10_000);
    expect(types().filter((t) => t === 'conference.speak.started')).toHaveLength(1);
    await fx.advance(60_000);
    await fx.post(`/v2/conferences/${id}/actions/speak`, speak);
    expect(types().filter((t) => t === 'conference.speak.started')).toHaveLength(2);
  });

  it('keeps participants on hold until one joins with start_conference_on_enter', async () => {
    const { host, id } = await conference('later', { start_conference_on_create: false });
    const before = await fx.get(`/v2/conferences/${id}/participants/${encodeURIComponent(host)}`);
    expect(before.json['data']).toMatchObject({ on_hold: true, conference_id: id });
    const chair = await fx.answered();
    await fx.post(`/v2/conferences/${id}/actions/join`, {
      call_control_id: chair,
      start_conference_on_enter: true,
    });
    const after = await fx.get(`/v2/conferences/${id}/participants/${encodeURIComponent(host)}`);
    expect(after.json['data']).toMatchObject({ on_hold: false });
    expect((await fx.get(`/v2/conferences/${id}`)).json['data']).toMatchObject({
      status: 'in_progress',
    });
  });
});

describe('conference actions from the path', () => {
  it('knows only its own actions: inherited names are 404', async () => {
    const { id } = await conference('names');
    for (const action of ['constructor', '__proto__', 'toString']) {
      expect((await fx.post(`/v2/conferences/${id}/actions/${action}`, {})).status).toBe(404);
    }
  });
});

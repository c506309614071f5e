import { describe, expect, it } from 'vitest';
import { callApi } from '../../compat/support/server-api.js';
import { useVoiceHarness, type VoiceHarness } from './voice-harness.js';

let h: VoiceHarness;
useVoiceHarness((harness) => {
  h = harness;
});

describe('conferences through the telnyx 7.x SDK', () => {
  it('two calls: create, join, mute, speak, record, leave, end; every webhook verified and valid', async () => {
    const host = await h.answeredCall();
    const guest = await h.answeredCall();
    const created = await h.client.conferences.create({ call_control_id: host, name: 'sdk-room' });
    const id = created.data?.id ?? '';
    await h.until('conference.created', (p) => p['conference_id'] === id);
    await h.client.conferences.actions.join(id, { call_control_id: guest });
    await h.untilFor('conference.participant.joined', guest);
    const calls = await callApi(h.server, 'GET', '/switchboard/calls');
    const seated = (calls.body['data'] as { call_control_id: string; conference_id: string }[])
      .filter((call) => call.conference_id === id)
      .map((call) => call.call_control_id);
    expect(seated.sort()).toEqual([host, guest].sort());
    await h.client.conferences.actions.mute(id, { call_control_ids: [guest] });
    const page = await h.client.conferences.listParticipants(id);
    const muted = page.data.find((p) => p.call_control_id === guest);
    expect(muted?.muted).toBe(true);
    await h.client.conferences.actions.speak(id, { payload: 'Welcome', voice: 'female' });
    await h.until('conference.speak.ended', (p) => p['conference_id'] === id);
    await h.client.conferences.actions.recordStart(id, { format: 'mp3' });
    await h.client.conferences.actions.recordStop(id, {});
    const saved = await h.until('conference.recording.saved', (p) => p['conference_id'] === id);
    const recording = await h.client.recordings.retrieve(String(saved.payload['recording_id']));
    expect(recording.data?.conference_id).toBe(id);
    await h.client.conferences.actions.leave(id, { call_control_id: guest });
    await h.untilFor('conference.participant.left', guest);
    const retrieved = await h.client.conferences.retrieve(id);
    expect(retrieved.data?.status).toBe('in_progress');
    await h.client.conferences.actions.endConference(id);
    await h.until('conference.ended', (p) => p['conference_id'] === id);
    await h.untilFor('call.hangup', host);
    const list = await h.client.conferences.list({ filter: { name: 'sdk-room' } });
    expect(list.data.map((c) => c.status)).toEqual(['completed']);
    expect(h.problems()).toEqual([]);
  });
});

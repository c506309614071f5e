import { describe, expect, it } from 'vitest';
import { useVoiceHarness, type VoiceHarness } from './voice-harness.js';

let h: VoiceHarness;
useVoiceHarness((harness) => {
  h = harness;
});

describe('recordings through the telnyx 7.x SDK', () => {
  it('lists, retrieves and deletes the recordings record_start made', async () => {
    const id = await h.answeredCall();
    await h.client.calls.actions.startRecording(id, { channels: 'single', format: 'mp3' });
    await h.client.calls.actions.pauseRecording(id, {});
    await h.client.calls.actions.resumeRecording(id, {});
    await h.client.calls.actions.stopRecording(id, {});
    await h.until('call.recording.saved', (p) => p['call_leg_id'] !== undefined);
    const page = await h.client.recordings.list({ filter: { call_control_id: id } });
    const [first] = page.data;
    expect(first?.call_control_id).toBe(id);
    const one = await h.client.recordings.retrieve(first?.id ?? '');
    expect(one.data?.download_urls?.mp3).toMatch(/\.mp3$/);
    await h.client.recordings.delete(first?.id ?? '');
    await h.client.calls.actions.startRecording(id, { channels: 'single', format: 'wav' });
    await h.client.calls.actions.stopRecording(id, {});
    const rest = await h.client.recordings.list();
    await h.client.recordings.actions.delete({ ids: rest.data.map((r) => r.id ?? '') });
    expect((await h.client.recordings.list()).data).toEqual([]);
    await h.client.calls.actions.hangup(id, {});
    await h.untilFor('call.hangup', id);
    expect(h.problems()).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { callApi } from '../../compat/support/server-api.js';
import { useVoiceHarness, type VoiceHarness } from './voice-harness.js';

let h: VoiceHarness;
useVoiceHarness((harness) => {
  h = harness;
});

const farEnd = (id: string, action: string, body: unknown) =>
  callApi(
    h.server,
    'POST',
    `/switchboard/simulate/calls/${encodeURIComponent(id)}/actions/${action}`,
    body,
  );

describe('the rest of the call commands through the telnyx 7.x SDK', () => {
  it('gather_using_ai, AI assistant, relay, SIPREC, suppression, roles, SIP INFO and refer', async () => {
    const id = await h.answeredCall();
    const actions = h.client.calls.actions;
    const gathered = await actions.gatherUsingAI(id, {
      parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
    });
    expect(gathered.data?.conversation_id).toEqual(expect.any(String));
    await farEnd(id, 'speech', { text: 'city: Lisbon' });
    const ended = await h.untilFor('call.ai_gather.ended', id);
    expect(ended.payload['result']).toEqual({ city: 'Lisbon' });
    await h.untilFor('call.conversation.ended', id);

    const assistant = await actions.startAIAssistant(id, { assistant: { id: 'assistant-7' } });
    await actions.addAIAssistantMessages(id, { messages: [{ role: 'user', content: 'hello' }] });
    await actions.stopAIAssistant(id, {});
    const stopped = await h.until(
      'call.conversation.ended',
      (p) => p['conversation_id'] === assistant.data?.conversation_id,
    );
    expect(stopped.payload['assistant_id']).toBe('assistant-7');

    const relay = await actions.startConversationRelay(id, {
      conversation_relay_settings: { url: 'wss://app.example/relay' },
    });
    expect(relay.data?.conversation_relay_id).toEqual(expect.any(String));
    await actions.stopConversationRelay(id, {});

    await actions.startSiprec(id, { connector_name: 'recorder' });
    await h.untilFor('siprec.started', id);
    await actions.stopSiprec(id, {});
    await h.untilFor('siprec.stopped', id);
    await actions.startNoiseSuppression(id, { direction: 'both' });
    await actions.stopNoiseSuppression(id, {});
    await actions.switchSupervisorRole(id, { role: 'monitor' });
    await actions.sendSipInfo(id, { content_type: 'application/json', body: '{"a":1}' });

    await actions.refer(id, { sip_address: 'sip:desk@example.com' });
    await h.untilFor('call.refer.started', id);
    await h.untilFor('call.refer.completed', id);
    await h.untilFor('call.hangup', id);
    expect(h.problems()).toEqual([]);
  });

  it('playback_start takes loop "infinity"; playback_stop ends it cancelled', async () => {
    const id = await h.answeredCall();
    await h.client.calls.actions.startPlayback(id, {
      // A file this server serves (one second of silence), so call audio can fetch it too.
      audio_url: `${h.server.url}/switchboard/recordings/0b6e3f5a-0c39-4a57-9d54-5f6e2b0c8a11.mp3`,
      loop: 'infinity',
    });
    await h.untilFor('call.playback.started', id);
    await h.client.calls.actions.stopPlayback(id, {});
    const ended = await h.untilFor('call.playback.ended', id);
    expect(ended.payload['status']).toBe('cancelled');
    await h.client.calls.actions.hangup(id, {});
    expect(h.problems()).toEqual([]);
  });
});

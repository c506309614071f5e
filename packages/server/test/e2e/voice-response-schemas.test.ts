import { describe, expect, it } from 'vitest';
import { useVoiceHarness, type VoiceHarness } from '../emulator/voice-sdk/voice-harness.js';
import { callApi } from '../compat/support/server-api.js';
import { responseSchemas } from './support/response-schemas.js';

const problems = responseSchemas('voice-response-schemas.json');

let h: VoiceHarness;
useVoiceHarness((harness) => {
  h = harness;
});

async function get(path: string): Promise<Record<string, unknown>> {
  const reply = await callApi(h.server, 'GET', path);
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  return reply.body;
}

async function post(path: string, body: unknown): Promise<Record<string, unknown>> {
  const reply = await callApi(h.server, 'POST', path, body);
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  return reply.body;
}

const dataOf = (body: Record<string, unknown>): unknown => body['data'];
const first = (body: Record<string, unknown>): unknown => (body['data'] as unknown[])[0];

describe('voice API replies match the OpenAPI response schemas', () => {
  it('conferences, participants, queues, recordings, call events and AI command results', async () => {
    const host = await h.answeredCall();
    const call = encodeURIComponent(host);
    const conference = dataOf(await post('/v2/conferences', { call_control_id: host, name: 's' }));
    expect(problems('Conference', conference)).toEqual([]);
    const id = (conference as { id: string }).id;
    expect(problems('Participant', first(await get(`/v2/conferences/${id}/participants`)))).toEqual(
      [],
    );
    const participant = await get(`/v2/conferences/${id}/participants/${call}`);
    expect(problems('ConferenceParticipantResource', participant)).toEqual([]);
    await post(`/v2/conferences/${id}/actions/record_start`, { format: 'mp3' });
    await post(`/v2/conferences/${id}/actions/leave`, { call_control_id: host });

    await post(`/v2/calls/${call}/actions/enqueue`, { queue_name: 'schemas' });
    expect(problems('Queue', dataOf(await get('/v2/queues/schemas')))).toEqual([]);
    expect(problems('QueueCall', first(await get('/v2/queues/schemas/calls')))).toEqual([]);
    await post(`/v2/calls/${call}/actions/leave_queue`, {});

    const recordings = await get('/v2/recordings');
    const recordingId = (first(recordings) as { id: string }).id;
    expect(problems('RecordingResponse', await get(`/v2/recordings/${recordingId}`))).toEqual([]);

    const ai = dataOf(await post(`/v2/calls/${call}/actions/ai_assistant_start`, {}));
    expect(problems('CallControlCommandResultWithConversationId', ai)).toEqual([]);
    await post(`/v2/calls/${call}/actions/ai_assistant_stop`, {});
    const relay = dataOf(
      await post(`/v2/calls/${call}/actions/conversation_relay_start`, {
        conversation_relay_settings: { url: 'wss://app.example/relay' },
      }),
    );
    expect(problems('CallControlCommandResultWithConversationRelayId', relay)).toEqual([]);

    const left = await h.untilFor('conference.participant.left', host);
    const leg = String(left.payload['call_leg_id']);
    expect(
      problems('CallEvent', first(await get(`/v2/call_events?filter[leg_id]=${leg}`))),
    ).toEqual([]);
  });
});

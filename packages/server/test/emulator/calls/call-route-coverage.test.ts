import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CallFixture } from './support/call-fixture.js';

/** Every `POST /v2/calls/{id}/actions/*` of the spec (telnyx-openapi.yml, December 2026). */
const SPEC_ACTIONS = [
  'ai_assistant_add_messages',
  'ai_assistant_join',
  'ai_assistant_start',
  'ai_assistant_stop',
  'answer',
  'bridge',
  'client_state_update',
  'conversation_relay_start',
  'conversation_relay_stop',
  'enqueue',
  'fork_start',
  'fork_stop',
  'gather',
  'gather_stop',
  'gather_using_ai',
  'gather_using_audio',
  'gather_using_speak',
  'hangup',
  'leave_queue',
  'playback_start',
  'playback_stop',
  'record_pause',
  'record_resume',
  'record_start',
  'record_stop',
  'refer',
  'reject',
  'send_dtmf',
  'send_sip_info',
  'siprec_start',
  'siprec_stop',
  'speak',
  'streaming_start',
  'streaming_stop',
  'suppression_start',
  'suppression_stop',
  'switch_supervisor_role',
  'transcription_start',
  'transcription_stop',
  'transfer',
];

let fx: CallFixture;

beforeEach(async () => {
  fx = await new CallFixture().setUp();
});

afterEach(async () => {
  await fx.tearDown();
});

describe('the /v2/calls surface', () => {
  it('answers every action of the spec (never route-not-found)', async () => {
    const id = await fx.dial('+13125550102');
    const unknown: string[] = [];
    for (const action of SPEC_ACTIONS) {
      const reply = await fx.action(id, action, {});
      if (reply.status === 404) unknown.push(action);
      else expect(reply.status, action).toBeOneOf([200, 422]);
    }
    expect(unknown).toEqual([]);
    expect(SPEC_ACTIONS).toHaveLength(40);
  });
});

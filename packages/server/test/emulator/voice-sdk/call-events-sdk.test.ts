import { describe, expect, it } from 'vitest';
import { useVoiceHarness, type VoiceHarness } from './voice-harness.js';

let h: VoiceHarness;
useVoiceHarness((harness) => {
  h = harness;
});

describe('call events through the telnyx 7.x SDK', () => {
  it("lists a leg's commands and webhooks in order, filtered by type and name", async () => {
    const id = await h.answeredCall();
    await h.client.calls.actions.speak(id, { payload: 'Hello there', voice: 'female' });
    await h.untilFor('call.speak.ended', id);
    await h.client.calls.actions.hangup(id, {});
    const hangup = await h.untilFor('call.hangup', id);
    const legId = String(hangup.payload['call_leg_id']);
    const all = await h.client.callEvents.list({ filter: { leg_id: legId } });
    const names = all.data.map((e) => `${e.type}:${e.name}`);
    expect(names).toEqual(
      expect.arrayContaining(['webhook:call.initiated', 'command:speak', 'webhook:call.hangup']),
    );
    expect(names.indexOf('command:speak')).toBeLessThan(
      names.indexOf('webhook:call.speak.started'),
    );
    expect(all.data.map((e) => [e.record_type, e.call_leg_id])).toContainEqual([
      'call_event',
      legId,
    ]);
    expect(new Set(all.data.map((e) => e.call_leg_id))).toEqual(new Set([legId]));
    const commands = await h.client.callEvents.list({ filter: { leg_id: legId, type: 'command' } });
    expect(commands.data.map((e) => e.name)).toEqual(['speak', 'hangup']);
    const named = await h.client.callEvents.list({
      filter: { leg_id: legId, name: 'call.hangup' },
    });
    expect(named.data).toHaveLength(1);
    const before = await h.client.callEvents.list({
      filter: { leg_id: legId, occurred_at: { lt: '2000-01-01T00:00:00Z' } },
    });
    expect(before.data).toEqual([]);
    expect(h.problems()).toEqual([]);
  });
});

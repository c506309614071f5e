import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TexmlFlow } from './support/texml-flow.js';
import { eventually } from './support/texml-server.js';

let f: TexmlFlow;
beforeAll(async () => {
  f = await TexmlFlow.start();
});
afterAll(async () => {
  await f.close();
});

/** Two calls' TeXML fetches go through the delivery engine; on a loaded CI machine that is slow. */
const HANG_MS = 25_000;

interface Named {
  readonly id: string;
  readonly name: string;
  readonly status: string;
}

describe("TeXML rooms are Call Control's", () => {
  it('a <Dial><Conference> is a conference of /v2/conferences; a moderator leaving ends it', async () => {
    f.app
      .route(
        '/member',
        '<Response><Dial action="/left"><Conference>allhands</Conference></Dial></Response>',
      )
      .route(
        '/host',
        '<Response><Dial action="/left"><Conference endConferenceOnExit="true" muted="true">allhands</Conference></Dial></Response>',
      )
      .route('/left', '<Response><Hangup/></Response>');
    const member = await f.inbound('/member');
    const host = await f.inbound('/host');
    const conference = await eventually(async () => {
      const list = await f.s.api('GET', '/v2/conferences');
      const found = (list.json['data'] as Named[]).find((item) => item.name === 'allhands');
      const participants =
        found === undefined
          ? []
          : ((await f.s.api('GET', `/v2/conferences/${found.id}/participants`)).json['data'] as {
              call_control_id: string;
              muted: boolean;
            }[]);
      return found !== undefined && participants.length === 2 ? { found, participants } : undefined;
    }, HANG_MS);
    expect(conference.participants.find((p) => p.call_control_id === host)?.muted).toBe(true);
    const texml = await f.s.api('GET', f.calls(`Conferences/${conference.found.id}`));
    expect(texml.json).toMatchObject({ friendly_name: 'allhands', status: 'in-progress' });
    const hosts = await f.s.api('GET', f.calls(`Conferences/${conference.found.id}/Participants`));
    expect(hosts.json['participants']).toMatchObject(
      expect.arrayContaining([
        expect.objectContaining({ call_sid: host, muted: true, end_conference_on_exit: true }),
        expect.objectContaining({ call_sid: member, muted: false }),
      ]),
    );
    await f.s.api('POST', f.calls(`Calls/${host}`), { Status: 'completed' }, true);
    await eventually(
      () => (f.app.to('/left').some((r) => r.params.CallSid === member) ? true : undefined),
      HANG_MS,
    );
    const after = await f.s.api('GET', `/v2/conferences/${conference.found.id}`);
    expect((after.json['data'] as Named).status).toBe('completed');
  });

  it('two calls dialling the same new room at once meet in one conference', async () => {
    f.app.route('/race', '<Response><Dial><Conference>race</Conference></Dial></Response>');
    await Promise.all([f.inbound('/race'), f.inbound('/race'), f.inbound('/race')]);
    const rooms = await eventually(async () => {
      const list = await f.s.api('GET', '/v2/conferences');
      const named = (list.json['data'] as Named[]).filter((item) => item.name === 'race');
      const seated = await Promise.all(
        named.map(async (room) => {
          const reply = await f.s.api('GET', `/v2/conferences/${room.id}/participants`);
          return (reply.json['data'] as unknown[]).length;
        }),
      );
      return seated.reduce((a, b) => a + b, 0) === 3 ? seated : undefined;
    }, HANG_MS);
    expect(rooms).toEqual([3]);
  });

  it("Call Control's leave takes a TeXML caller out: its Dial goes on to the action", async () => {
    f.app
      .route(
        '/solo',
        '<Response><Dial action="/solo-left"><Conference>solo</Conference></Dial></Response>',
      )
      .route('/solo-left', '<Response><Hangup/></Response>');
    const caller = await f.inbound('/solo');
    const id = await eventually(async () => {
      const list = await f.s.api('GET', '/v2/conferences');
      return (list.json['data'] as Named[]).find((item) => item.name === 'solo')?.id;
    });
    await eventually(async () => {
      const left = await f.s.api('POST', `/v2/conferences/${id}/actions/leave`, {
        call_control_id: caller,
      });
      return left.status === 200 ? true : undefined;
    });
    const action = await eventually(() => f.app.to('/solo-left')[0]?.params);
    expect(action).toMatchObject({ CallSid: caller, DialCallStatus: 'completed' });
  });

  it('an <Enqueue> queue is a queue of /v2/queues', async () => {
    f.app.route('/wait', '<Response><Enqueue>billing</Enqueue></Response>');
    const caller = await f.inbound('/wait');
    const queue = await eventually(async () => {
      const reply = await f.s.api('GET', '/v2/queues/billing');
      return reply.status === 200 &&
        (reply.json['data'] as { current_size: number }).current_size === 1
        ? reply.json['data']
        : undefined;
    });
    expect(queue).toMatchObject({ name: 'billing', current_size: 1 });
    const waiting = await f.s.api('GET', '/v2/queues/billing/calls');
    expect(waiting.json['data']).toMatchObject([{ call_control_id: caller }]);
    const texml = await f.s.api('GET', f.calls('Queues/billing'));
    expect(texml.json).toMatchObject({ friendly_name: 'billing', current_size: 1 });
    await f.s.api('POST', f.calls(`Calls/${caller}`), { Status: 'completed' }, true);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_IDLE_DOCUMENTS } from '../../../src/emulator/texml/texml-session.js';
import { TexmlFlow } from './support/texml-flow.js';
import { eventually } from './support/texml-server.js';

let f: TexmlFlow;
beforeAll(async () => {
  f = await TexmlFlow.start();
});
afterAll(async () => {
  await f.close();
});

describe('TeXML flows on real sockets', () => {
  it('voicemail: Record → recording callback with a fetchable RecordingUrl → action', async () => {
    f.app
      .route(
        '/vm',
        '<Response><Say>Leave a message</Say><Record action="/vm-done" maxLength="30" recordingStatusCallback="/vm-recording"/></Response>',
      )
      .route('/vm-done', '<Response><Hangup/></Response>')
      .route('/vm-recording', '');
    const sid = await f.inbound('/vm', { script: [{ dtmf: '#' }] });
    await f.completed('/vm');
    const done = f.app.to('/vm-done')[0]?.params;
    expect(done).toMatchObject({ CallSid: sid, Digits: '#' });
    const recording = await eventually(() => f.app.to('/vm-recording')[0]?.params);
    expect(recording).toMatchObject({
      CallSid: sid,
      RecordingStatus: 'completed',
      RecordingChannels: '2',
    });
    expect(recording.RecordingUrl).toBe(done?.RecordingUrl);
    const audio = await fetch(recording.RecordingUrl ?? '');
    expect(audio.status).toBe(200);
    expect(audio.headers.get('content-type')).toBe('audio/mpeg');
    const listed = await f.s.api('GET', f.calls(`Calls/${sid}/Recordings.json`));
    expect(listed.json['recordings']).toMatchObject([
      { call_sid: sid, media_url: recording.RecordingUrl },
    ]);
  });

  it('conference through Dial: both callers join, the REST API ends it, both actions follow', async () => {
    f.app
      .route(
        '/conf',
        '<Response><Dial action="/conf-done"><Conference>standup</Conference></Dial></Response>',
      )
      .route('/conf-done', '<Response><Hangup/></Response>');
    const first = await f.inbound('/conf');
    const second = await f.inbound('/conf');
    const room = await eventually(async () => {
      const list = await f.s.api('GET', f.calls('Conferences'));
      const rooms = list.json['conferences'] as { sid: string; friendly_name: string }[];
      const found = rooms.find((item) => item.friendly_name === 'standup');
      if (found === undefined) return undefined;
      const participants = await f.s.api('GET', f.calls(`Conferences/${found.sid}/Participants`));
      return (participants.json['participants'] as unknown[]).length === 2 ? found : undefined;
    });
    const ended = await f.s.api(
      'POST',
      f.calls(`Conferences/${room.sid}`),
      { Status: 'completed' },
      true,
    );
    expect(ended.json).toMatchObject({ status: 'completed', friendly_name: 'standup' });
    await eventually(() => (f.app.to('/conf-done').length === 2 ? true : undefined));
    expect(
      f.app
        .to('/conf-done')
        .map((request) => request.params.CallSid)
        .sort(),
    ).toEqual([first, second].sort());
    expect(
      f.app.to('/conf-done').every((request) => request.params.DialCallStatus === 'completed'),
    ).toBe(true);
  });

  it('queue through Dial: a waiting caller is bridged to the agent who dials the queue', async () => {
    f.app
      .route('/caller', '<Response><Enqueue waitUrl="/hold-music">support</Enqueue></Response>')
      .route('/hold-music', '<Response><Say>Please hold</Say></Response>')
      .route(
        '/agent',
        '<Response><Dial action="/agent-done"><Queue>support</Queue></Dial></Response>',
      )
      .route('/agent-done', '<Response><Hangup/></Response>');
    const caller = await f.inbound('/caller');
    await eventually(() => f.app.to('/hold-music')[0]);
    const queues = await f.s.api('GET', f.calls('Queues'));
    expect(queues.json['queues']).toMatchObject([{ friendly_name: 'support', current_size: 1 }]);
    // A queue's sid is its name as the router decoded it, never decoded a second time.
    expect((await f.s.api('GET', f.calls('Queues/%25'))).status).toBe(404);
    expect((await f.s.api('GET', f.calls('Queues/support'))).status).toBe(200);
    await f.inbound('/agent');
    await eventually(async () => {
      const list = await f.s.api('GET', f.calls('Queues'));
      return (list.json['queues'] as unknown[]).length === 0 ? true : undefined;
    });
    const hungUp = await f.s.api('POST', f.calls(`Calls/${caller}`), { Status: 'completed' }, true);
    expect(hungUp.status).toBe(200);
    const done = await eventually(() => f.app.to('/agent-done')[0]?.params);
    expect(done).toMatchObject({ DialCallStatus: 'completed', DialCallSid: caller });
  });

  it('follows Redirect chains, and bounds a loop', async () => {
    f.app
      .route('/r0', '<Response><Redirect>/r1</Redirect></Response>')
      .route('/r1', '<Response><Redirect method="GET">/r2</Redirect></Response>')
      .route('/r2', '<Response><Say>Arrived</Say></Response>')
      .route('/loop', '<Response><Redirect>/loop</Redirect></Response>');
    await f.inbound('/r0');
    await f.completed('/r0');
    expect(f.app.to('/r1')).toHaveLength(1);
    expect(f.app.to('/r2')[0]?.method).toBe('GET');
    const loop = await f.inbound('/loop');
    await f.completed('/loop');
    expect(f.app.to('/loop')).toHaveLength(MAX_IDLE_DOCUMENTS + 1);
    const record = await f.s.api('GET', f.calls(`Calls/${loop}`));
    expect(record.json).toMatchObject({ status: 'completed', sid: loop });
  });

  it('falls back to voice_fallback_url on a 500, and the delivery shows both tries', async () => {
    f.app
      .route('/down', { status: 500, body: 'boom' })
      .route('/standby', '<Response><Say>Backup</Say></Response>');
    const sid = await f.inbound('/down', { fallback: '/standby' });
    await f.completed('/down');
    expect(f.app.to('/standby')[0]?.params.CallSid).toBe(sid);
    const deliveries = await f.s.api(
      'GET',
      `/v2/webhook_deliveries?filter[event_type]=texml.instructions&filter[attempts][contains]=${encodeURIComponent(f.app.url('/down'))}`,
    );
    const [delivery] = deliveries.json['data'] as {
      status: string;
      attempts: { http: { response: { status: number } } }[];
    }[];
    expect(delivery?.status).toBe('delivered');
    expect(delivery?.attempts.map((attempt) => attempt.http.response.status)).toEqual([200, 500]);
  });

  it('a TeXML request is a delivery that can be sent again, signed afresh', async () => {
    f.app.route('/again', '<Response><Say>Once</Say></Response>');
    const sid = await f.inbound('/again');
    await f.completed('/again');
    const listed = await f.s.api(
      'GET',
      `/v2/webhook_deliveries?filter[event_type]=texml.instructions&filter[webhook][contains]=${encodeURIComponent(sid)}`,
    );
    const [delivery] = listed.json['data'] as { id: string }[];
    const retried = await f.s.api(
      'POST',
      `/switchboard/webhook_deliveries/${delivery?.id ?? ''}/retry`,
    );
    expect(retried.status).toBe(202);
    await eventually(() => (f.app.to('/again').length === 2 ? true : undefined));
    const [first, second] = f.app.to('/again');
    expect(second?.params).toEqual(first?.params);
    expect(second?.verified).toBe(true);
  });

  it('an invalid document goes to the fallback with ErrorCode 12100; without one the call ends', async () => {
    f.app
      .route('/broken', '<Response><Say>oops</Response>')
      .route('/mended', '<Response><Say>ok</Say></Response>');
    await f.inbound('/broken', { fallback: '/mended' });
    await f.completed('/broken');
    expect(f.app.to('/mended')[0]?.params).toMatchObject({ ErrorCode: '12100' });
    f.app.route('/unknown-verb', '<Response><Dance/></Response>');
    const sid = await f.inbound('/unknown-verb');
    await f.completed('/unknown-verb');
    const record = await f.s.api('GET', f.calls(`Calls/${sid}`));
    expect(record.json['status']).toBe('completed');
  });

  it('the REST API redirects a call with Url and ends it with Status=completed', async () => {
    f.app
      .route('/hold', '<Response><Pause length="600"/></Response>')
      .route('/moved', '<Response><Pause length="600"/></Response>')
      .route('/inline-next', '<Response><Pause length="600"/></Response>');
    const sid = await f.inbound('/hold');
    await eventually(() => f.app.to('/hold')[0]);
    const moved = await f.s.api(
      'POST',
      f.calls(`Calls/${sid}`),
      { Url: f.app.url('/moved') },
      true,
    );
    expect(moved.json).toMatchObject({ sid, status: 'in-progress', direction: 'inbound' });
    await eventually(() => f.app.to('/moved')[0]);
    const inline = await f.s.api(
      'POST',
      f.calls(`Calls/${sid}`),
      { Texml: '<Response><Redirect>/inline-next</Redirect></Response>' },
      true,
    );
    expect(inline.status).toBe(200);
    await eventually(() => f.app.to('/inline-next')[0]);
    const ended = await f.s.api('POST', f.calls(`Calls/${sid}`), { Status: 'completed' }, true);
    expect(ended.status).toBe(200);
    await f.completed('/hold');
    const record = await f.s.api('GET', f.calls(`Calls/${sid}`));
    expect(record.json).toMatchObject({ status: 'completed', sid });
    const again = await f.s.api('POST', f.calls(`Calls/${sid}`), { Status: 'completed' }, true);
    expect(again.status).toBe(422);
    expect(f.app.requests.every((request) => request.verified)).toBe(true);
  });

  it('places outbound calls through both REST routes', async () => {
    f.app.route('/out', '<Response><Say>Hello</Say></Response>').route('/out-status', '');
    const applicationId = await f.application('/out');
    const placed = await f.s.api('POST', f.calls('Calls'), {
      To: '+13125550100',
      From: '+13125557000',
      ApplicationSid: applicationId,
      StatusCallback: f.app.url('/out-status'),
      StatusCallbackEvent: 'initiated answered completed',
    });
    expect(placed.json).toMatchObject({
      from: '+13125557000',
      to: '+13125550100',
      status: 'queued',
    });
    await eventually(() =>
      f.app.to('/out-status').find((request) => request.params.CallStatus === 'completed'),
    );
    expect(f.app.to('/out')[0]?.params).toMatchObject({
      Direction: 'outbound-api',
      To: '+13125550100',
    });
    expect(f.app.to('/out-status').map((request) => request.params.CallStatus)).toEqual([
      'initiated',
      'in-progress',
      'completed',
    ]);
    const busy = await f.s.api('POST', `/v2/texml/calls/${applicationId}`, {
      To: '+13125550101',
      From: '+13125557000',
    });
    expect(busy.json['status']).toBe('queued');
    const record = await eventually(async () => {
      const reply = await f.s.api('GET', f.calls(`Calls/${String(busy.json['call_sid'])}`));
      return reply.json['status'] === 'busy' ? reply.json : undefined;
    });
    expect(record['direction']).toBe('outbound-api');
    const bad = await f.s.api('POST', f.calls('Calls'), {
      To: 'nope',
      ApplicationSid: applicationId,
    });
    expect(bad.status).toBe(422);
    expect(f.app.requests.every((request) => request.verified)).toBe(true);
  });
});

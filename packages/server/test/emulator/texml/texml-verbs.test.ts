import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TexmlFlow } from './support/texml-flow.js';
import { eventually } from './support/texml-server.js';

let f: TexmlFlow;
beforeAll(async () => {
  f = await TexmlFlow.start({ fetchTimeoutMs: 1_000 });
});
afterAll(async () => {
  await f.close();
});

describe('TeXML verbs against the simulated far end', () => {
  it('Gather speech gives SpeechResult; an empty Gather goes on to the next verb', async () => {
    f.app
      .route('/speak', '<Response><Gather input="speech" action="/heard" timeout="2"/></Response>')
      .route(
        '/heard',
        '<Response><Gather numDigits="1" action="/never"/><Say>No input</Say></Response>',
      );
    await f.inbound('/speak', { script: [{ speech: 'sales please' }] });
    await f.completed('/speak');
    expect(f.app.to('/heard')[0]?.params).toMatchObject({
      SpeechResult: 'sales please',
      Confidence: '0.98',
      Digits: '',
    });
    expect(f.app.to('/never')).toHaveLength(0);
  });

  it('Dial reports busy and no-answer test numbers, and rings several numbers at once', async () => {
    f.app
      .route('/busy', '<Response><Dial action="/busy-done">+13125550101</Dial></Response>')
      .route('/busy-done', '<Response><Hangup/></Response>')
      .route(
        '/parallel',
        '<Response><Dial action="/parallel-done" timeout="5" timeLimit="1"><Number>+13125550102</Number><Number statusCallback="/leg" statusCallbackEvent="initiated answered completed">+13125550108</Number></Dial></Response>',
      )
      .route('/parallel-done', '<Response><Hangup/></Response>')
      .route('/leg', '');
    await f.inbound('/busy');
    await f.completed('/busy');
    expect(f.app.to('/busy-done')[0]?.params.DialCallStatus).toBe('busy');
    const sid = await f.inbound('/parallel');
    await f.completed('/parallel');
    expect(f.app.to('/parallel-done')[0]?.params.DialCallStatus).toBe('completed');
    const legs = await eventually(() => {
      const statuses = f.app.to('/leg').map((request) => request.params.CallStatus);
      return statuses.length === 3 ? statuses : undefined;
    });
    expect(legs).toEqual(['initiated', 'in-progress', 'completed']);
    expect(f.app.to('/leg')[0]?.params).toMatchObject({
      ParentCallSid: sid,
      Direction: 'outbound-dial',
      To: '+13125550108',
      From: '+14155550123',
    });
  });

  it('a reply slower than the fetch timeout goes to the fallback URL', async () => {
    f.app
      .route('/slow', async () => {
        await sleep(1_500);
        return '<Response><Say>late</Say></Response>';
      })
      .route('/quick', '<Response><Say>on time</Say></Response>');
    await f.inbound('/slow', { fallback: '/quick' });
    await f.completed('/slow');
    expect(f.app.to('/quick')).toHaveLength(1);
  });

  it('Play, Pause, Start/Stop Stream and Reject', async () => {
    f.app
      .route(
        '/media',
        '<Response><Play>https://cdn.example.com/a.mp3?duration=0.02</Play><Pause length="1"/><Start><Stream url="wss://media.example.com/s" name="s1" statusCallback="/stream"/></Start><Stop><Stream name="s1"/></Stop><Reject reason="busy"/></Response>',
      )
      .route('/stream', '');
    await f.inbound('/media');
    await f.completed('/media');
    const events = await eventually(() => {
      const list = f.app.to('/stream').map((request) => request.params.StreamEvent);
      return list.length === 2 ? list : undefined;
    });
    expect(events).toEqual(['stream-started', 'stream-stopped']);
    expect(f.app.to('/stream')[0]?.params.StreamName).toBe('s1');
  });

  it('Leave in the wait document sends QueueResult=leave; a Redirect there takes the caller out', async () => {
    f.app
      .route(
        '/wait-leave',
        '<Response><Enqueue waitUrl="/leave-now" action="/left">q1</Enqueue></Response>',
      )
      .route('/leave-now', '<Response><Say>One moment</Say><Leave/></Response>')
      .route('/left', '<Response><Hangup/></Response>')
      .route('/wait-redirect', '<Response><Enqueue waitUrl="/redirect-now">q2</Enqueue></Response>')
      .route('/redirect-now', '<Response><Redirect>/elsewhere</Redirect></Response>')
      .route('/elsewhere', '<Response><Say>Out of the queue</Say></Response>');
    await f.inbound('/wait-leave');
    await f.completed('/wait-leave');
    expect(f.app.to('/left')[0]?.params).toMatchObject({ QueueResult: 'leave', QueueSid: 'q1' });
    await f.inbound('/wait-redirect');
    await f.completed('/wait-redirect');
    expect(f.app.to('/elsewhere')).toHaveLength(1);
    const queues = await f.s.api('GET', f.calls('Queues'));
    expect(queues.json['queues']).toEqual([]);
  });

  it('a document over 64 KiB is refused, and the call ends without a crash', async () => {
    f.app.route('/huge', `<Response>${'<Say>x</Say>'.repeat(7_000)}</Response>`);
    const sid = await f.inbound('/huge');
    await f.completed('/huge');
    const record = await f.s.api('GET', f.calls(`Calls/${sid}`));
    expect(record.json['status']).toBe('completed');
    const log = await f.s.api('GET', `/switchboard/texml/calls/${sid}`);
    const entries = (log.json['data'] as { log: { kind: string; text: string }[] }).log;
    expect(entries.find((entry) => entry.kind === 'error')?.text).toMatch(
      /larger than 65536 bytes/,
    );
    expect(entries.at(-1)?.text).toBe('no usable document: the call is hung up');
  });
});

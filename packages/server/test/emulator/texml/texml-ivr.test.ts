import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TexmlApp } from './support/texml-app.js';
import { eventually, TexmlServer } from './support/texml-server.js';

let s: TexmlServer;
let app: TexmlApp;
beforeAll(async () => {
  s = await TexmlServer.start();
  app = await new TexmlApp(s.server.publicKey).start();
});
afterAll(async () => {
  await app.close();
  await s.close();
});

/** A TeXML application on `app`, and a number pointing at it. */
async function texmlNumber(
  number: string,
  voicePath: string,
  extra: Record<string, unknown> = {},
): Promise<string> {
  const created = await s.api('POST', '/v2/texml_applications', {
    friendly_name: `app ${number}`,
    voice_url: app.url(voicePath),
    status_callback: app.url(`/status${number}`),
    ...extra,
  });
  const id = (created.json['data'] as { id: string }).id;
  await s.api('POST', '/switchboard/phone_numbers', { phone_number: number, connection_id: id });
  return id;
}

describe('an IVR on a real socket', () => {
  it('runs Say + Gather → action with Digits → Dial a test number → DialCallStatus', async () => {
    const number = '+13125557001';
    await texmlNumber(number, '/ivr');
    app
      .route(
        '/ivr',
        '<Response><Gather action="/menu" numDigits="1"><Say>Press 1 for sales</Say></Gather><Say>Bye</Say></Response>',
      )
      .route('/menu', (params) =>
        params.Digits === '1'
          ? '<Response><Dial action="/dialled" timeLimit="1"><Number>+13125550100</Number></Dial></Response>'
          : '<Response><Hangup/></Response>',
      )
      .route('/dialled', '<Response><Say>Thanks</Say><Hangup/></Response>')
      .route(`/status${number}`, '');
    const reply = await s.api('POST', '/switchboard/simulate/calls', {
      from: '+14155550123',
      to: number,
      script: [{ dtmf: '1' }],
    });
    expect(reply.status).toBe(200);
    const callSid = (reply.json['data'] as { call_control_id: string }).call_control_id;
    const completed = await eventually(() =>
      app.to(`/status${number}`).find((request) => request.params.CallStatus === 'completed'),
    );
    expect(completed.params.CallSid).toBe(callSid);
    const [voice] = app.to('/ivr');
    expect(voice?.params).toMatchObject({
      CallSid: callSid,
      AccountSid: s.server.accountId,
      From: '+14155550123',
      To: number,
      CallStatus: 'in-progress',
      Direction: 'inbound',
    });
    expect(app.to('/menu')[0]?.params.Digits).toBe('1');
    const dialled = app.to('/dialled')[0]?.params;
    expect(dialled).toMatchObject({ DialCallStatus: 'completed' });
    expect(dialled?.DialCallSid).toMatch(/^v3:/);
    const statuses = app
      .to(`/status${number}`)
      .map((request) => [request.params.SequenceNumber, request.params.CallStatus]);
    expect(statuses).toEqual([
      ['0', 'initiated'],
      ['1', 'ringing'],
      ['2', 'in-progress'],
      ['3', 'completed'],
    ]);
    expect(app.requests.every((request) => request.verified)).toBe(true);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TexmlFlow } from './support/texml-flow.js';

let f: TexmlFlow;
let appId: string;
beforeAll(async () => {
  f = await TexmlFlow.start();
  f.app.route('/hold', '<Response><Pause length="50"/></Response>');
  appId = await f.application('/hold');
});
afterAll(async () => {
  await f.close();
});

interface Item {
  readonly code: string;
  readonly detail: string;
  readonly source: { readonly pointer?: string; readonly parameter?: string };
}

function errors(json: Record<string, unknown>): Item[] {
  return json['errors'] as Item[];
}

function codes(json: Record<string, unknown>): string[] {
  return errors(json).map(
    (item) => `${item.code} ${item.source.pointer ?? item.source.parameter ?? ''}`,
  );
}

describe('TeXML declarations', () => {
  it('reads a form body as its JSON twin: numeric strings are numbers, "" is absent', async () => {
    const form = await f.s.api(
      'POST',
      f.calls('Calls'),
      { To: '+13125550111', From: '+13125557000', ApplicationSid: appId, Timeout: '7', Url: '' },
      true,
    );
    expect(form.status).toBe(200);
    expect(form.json).toMatchObject({ status: 'queued', to: '+13125550111' });
    const badForm = await f.s.api(
      'POST',
      f.calls('Calls'),
      { To: '+13125550111', From: '+13125557000', ApplicationSid: appId, Timeout: '3', Url: 'x' },
      true,
    );
    expect(badForm.status).toBe(422);
    expect(codes(badForm.json)).toEqual(['10015 /Url', '10033 /Timeout']);
    const badJson = await f.s.api('POST', f.calls('Calls'), {
      To: '+13125550111',
      From: '+13125557000',
      ApplicationSid: appId,
      Timeout: 3,
      Url: 'x',
    });
    expect(errors(badJson.json)).toEqual(errors(badForm.json));
  });

  it('names every missing member of a body-less initiate, then the rules the schema cannot say', async () => {
    const none = await f.s.api('POST', f.calls('Calls'));
    expect(none.status).toBe(422);
    expect(codes(none.json).sort()).toEqual(['10004 /ApplicationSid', '10004 /From', '10004 /To']);
    const rules = await f.s.api('POST', `/v2/texml/calls/${appId}`, {
      To: '555',
      From: 'sip:me@example.com',
      Url: 'https://example.com/a',
      Texml: '<Response/>',
      StatusCallbackEvent: 'answered dancing',
    });
    expect(codes(rules.json)).toEqual(['10016 /To', '10015 /Texml', '10015 /StatusCallbackEvent']);
    const method = await f.s.api(
      'POST',
      `/v2/texml/calls/${appId}`,
      { To: '+13125550111', From: '+13125557000', Method: 'PUT' },
      true,
    );
    expect(codes(method.json)).toEqual(['10032 /Method']);
    const script = await f.s.api('POST', `/v2/texml/calls/${appId}`, {
      To: '+13125550111',
      From: '+13125557000',
      script: 'dtmf',
    });
    expect(codes(script.json)).toEqual(['10015 /script']);
  });

  it('updates with Status from a form, and refuses an unknown Status', async () => {
    const placed = await f.s.api(
      'POST',
      f.calls('Calls'),
      { To: '+13125550112', From: '+13125557000', ApplicationSid: appId },
      true,
    );
    const sid = String(placed.json['call_sid']);
    const bad = await f.s.api('POST', f.calls(`Calls/${sid}`), { Status: 'paused' }, true);
    expect(codes(bad.json)).toEqual(['10032 /Status']);
    const ended = await f.s.api(
      'POST',
      f.calls(`Calls/${sid}.json`),
      { Status: 'completed' },
      true,
    );
    expect(ended.status).toBe(200);
    expect(ended.json['sid']).toBe(sid);
    const listed = await f.s.api('GET', f.calls('Calls?PageSize=1&Page=0'));
    expect(listed.json).toMatchObject({ page: 0, page_size: 1, start: 0 });
    expect((await f.s.api('GET', f.calls('Calls?PageSize=5000'))).status).toBe(422);
    const log = await f.s.api('GET', `/switchboard/texml/calls/${sid}`);
    expect(log.json['data']).toMatchObject({ sid, application_id: appId });
    const all = await f.s.api('GET', '/switchboard/texml/calls');
    expect((all.json['data'] as unknown[]).length).toBeGreaterThan(0);
  });

  it('keeps hostile input a clean 4xx', async () => {
    const proto = JSON.parse(
      '{"__proto__":{"x":1},"constructor":{"prototype":{}},"friendly_name":"p","voice_url":"https://e.com/v","inbound":{"__proto__":{"channel_limit":1}}}',
    ) as unknown;
    const created = await f.s.api('POST', '/v2/texml_applications', proto);
    expect(created.status).toBe(201);
    expect(created.json['data']).toMatchObject({ inbound: { channel_limit: null } });
    let deep: unknown = 'x';
    for (let i = 0; i < 200; i++) deep = { To: deep };
    expect((await f.s.api('POST', f.calls('Calls'), deep)).status).toBeLessThan(500);
    const wrong = await f.s.api('POST', '/v2/texml_applications', {
      friendly_name: 5,
      voice_url: 'https://e.com/v',
      tags: 'a',
      inbound: null,
    });
    expect(codes(wrong.json)).toEqual(['10015 /friendly_name', '10015 /inbound', '10015 /tags']);
    for (const path of ['/v2/texml_applications/12%0034', f.calls('Calls/CA%00')])
      expect([400, 404]).toContain((await f.s.api('GET', path)).status);
    const nul = await f.s.api('POST', f.calls('Calls'), { To: '+1312\u00005550', From: 'x' });
    expect(nul.status).toBe(422);
    expect((await f.s.api('GET', '/v2/texml_applications?page[size]=0')).status).toBe(422);
  });

  it('declares both body types of the Twilio-style routes in the OpenAPI document', async () => {
    const document = await f.s.api('GET', '/switchboard/openapi.json');
    const paths = document.json['paths'] as Record<
      string,
      Record<string, { requestBody?: { content: Record<string, unknown> } }>
    >;
    const initiate = paths['/v2/texml/Accounts/{account_sid}/Calls']?.['post'];
    expect(Object.keys(initiate?.requestBody?.content ?? {}).sort()).toEqual([
      'application/json',
      'application/x-www-form-urlencoded',
    ]);
    for (const path of [
      '/v2/texml_applications',
      '/v2/texml_applications/{id}',
      '/v2/texml/calls/{id}',
      '/v2/texml/Accounts/{account_sid}/Calls/{call_sid}',
      '/v2/texml/Accounts/{account_sid}/Conferences',
      '/v2/texml/Accounts/{account_sid}/Conferences/{sid}',
      '/v2/texml/Accounts/{account_sid}/Conferences/{sid}/Participants',
      '/v2/texml/Accounts/{account_sid}/Queues',
      '/v2/texml/Accounts/{account_sid}/Queues/{sid}',
      '/v2/texml/Accounts/{account_sid}/Recordings.json',
      '/v2/texml/Accounts/{account_sid}/Calls/{sid}/Recordings.json',
      '/switchboard/texml/calls',
      '/switchboard/texml/calls/{id}',
    ])
      expect(paths[path], path).toBeDefined();
  });
});

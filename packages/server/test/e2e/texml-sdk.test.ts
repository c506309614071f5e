import Telnyx from 'telnyx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TexmlFlow } from '../emulator/texml/support/texml-flow.js';
import { eventually } from '../emulator/texml/support/texml-server.js';

let f: TexmlFlow;
let client: Telnyx;
beforeAll(async () => {
  f = await TexmlFlow.start();
  client = new Telnyx({
    apiKey: f.s.server.apiKey ?? '',
    baseURL: `${f.s.url}/v2`,
    maxRetries: 0,
  });
});
afterAll(async () => {
  await f.close();
});

describe('the official telnyx SDK and the TeXML REST API', () => {
  it('creates an application, reads a live call, and ends it with a form-encoded update', async () => {
    const created = await client.texmlApplications.create({
      friendly_name: 'sdk-texml',
      voice_url: f.app.url('/sdk-hold'),
    });
    expect(created.data?.voice_method).toBe('post');
    f.app.route('/sdk-hold', '<Response><Pause length="600"/></Response>');
    const sid = await f.inbound('/sdk-hold');
    await eventually(() => f.app.to('/sdk-hold')[0]);
    const read = await client.texml.accounts.calls.retrieve(sid, { account_sid: f.accountId });
    expect(read).toMatchObject({ sid, status: 'in-progress', direction: 'inbound' });
    const updated = await client.texml.accounts.calls.update(sid, {
      account_sid: f.accountId,
      Status: 'completed',
    });
    expect(updated.sid).toBe(sid);
    await f.completed('/sdk-hold');
    const listed = await client.texml.accounts.calls.retrieveCalls(f.accountId, {
      Status: 'completed',
    });
    expect(listed.calls?.map((call) => call.sid)).toContain(sid);
  });
});

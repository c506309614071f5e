import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { signWebhook, WebhookVerificationError } from '@switchboard/core';
import { describe, expect, it } from 'vitest';
import {
  createTexmlFetchHandler,
  createTexmlNodeHandler,
  escapeXml,
  texml,
  verifyTexmlRequest,
} from '../../src/texml/index.js';
import { keys } from '../support/fixtures.js';

const NOW = 1_750_000_000;
const form =
  'CallSid=v3%3Aabc&From=%2B14155550123&To=%2B13125557000&CallStatus=in-progress&Digits=1';

function headers(signedText: string, timestamp = NOW): Record<string, string> {
  return signWebhook({ body: signedText, privateKey: keys.privateKey, timestamp });
}

const options = { publicKey: keys.publicKey, now: NOW * 1000 };

describe('verifyTexmlRequest', () => {
  it('verifies a POST form and types its parameters', async () => {
    const params = await verifyTexmlRequest(
      { method: 'POST', url: '/voice', headers: headers(form), body: form },
      options,
    );
    expect(params).toMatchObject({
      CallSid: 'v3:abc',
      From: '+14155550123',
      CallStatus: 'in-progress',
      Digits: '1',
    });
  });

  it('verifies a GET by its query string', async () => {
    const params = await verifyTexmlRequest(
      { method: 'GET', url: `/voice?${form}`, headers: headers(form) },
      options,
    );
    expect(params.To).toBe('+13125557000');
  });

  it('refuses a changed body, a stale timestamp and a missing header', async () => {
    const changed = form.replace('Digits=1', 'Digits=9');
    await expect(
      verifyTexmlRequest(
        { method: 'POST', url: '/v', headers: headers(form), body: changed },
        options,
      ),
    ).rejects.toMatchObject({ code: 'WH_BAD_SIGNATURE' });
    await expect(
      verifyTexmlRequest(
        { method: 'POST', url: '/v', headers: headers(form, NOW - 3600), body: form },
        options,
      ),
    ).rejects.toBeInstanceOf(WebhookVerificationError);
    await expect(
      verifyTexmlRequest({ method: 'POST', url: '/v', headers: {}, body: form }, options),
    ).rejects.toMatchObject({
      code: 'WH_MISSING_HEADER',
    });
  });
});

describe('texml.response()', () => {
  it('builds documents verb by verb, escaping text and attributes', () => {
    const xml = texml
      .response()
      .gather({ action: '/menu?a=1&b=2', numDigits: 1, input: undefined }, (g) =>
        g.say('Press 1 <now> & "quickly"'),
      )
      .dial({ action: '/done', record: 'record-from-answer' }, (d) =>
        d.number('+13125550100').conference('room'),
      )
      .record({ maxLength: 30 })
      .hangup()
      .toString();
    expect(xml).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><Response>' +
        '<Gather action="/menu?a=1&amp;b=2" numDigits="1"><Say>Press 1 &lt;now&gt; &amp; &quot;quickly&quot;</Say></Gather>' +
        '<Dial action="/done" record="record-from-answer"><Number>+13125550100</Number><Conference>room</Conference></Dial>' +
        '<Record maxLength="30"/><Hangup/></Response>',
    );
    expect(escapeXml(`'`)).toBe('&apos;');
  });
});

describe('TeXML app adapters', () => {
  const app = {
    ...options,
    handler: (params: { Digits?: string }) =>
      texml.response().say(`You pressed ${params.Digits ?? 'nothing'}`),
  };

  it('answers a verified request with XML over node:http, and 401 otherwise', async () => {
    const server = createServer(createTexmlNodeHandler(app));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/voice`;
    const ok = await fetch(url, { method: 'POST', headers: headers(form), body: form });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('application/xml');
    expect(await ok.text()).toContain('<Say>You pressed 1</Say>');
    const forged = await fetch(url, { method: 'POST', headers: headers('CallSid=x'), body: form });
    expect(forged.status).toBe(401);
    await new Promise((resolve) => server.close(resolve));
  });

  it('works as a fetch handler', async () => {
    const handle = createTexmlFetchHandler(app);
    const response = await handle(
      new Request(`https://app.example.com/voice?${form}`, {
        method: 'GET',
        headers: headers(form),
      }),
    );
    expect(await response.text()).toContain('You pressed 1');
  });
});

import { describe, expect, it } from 'vitest';
import { MAX_DOCUMENT_BYTES, parseTexml } from '../../../src/emulator/texml/parse-texml.js';

const URL_ = 'https://app.example.com/voice/start';

function verbs(xml: string): unknown[] {
  const parsed = parseTexml(xml, URL_);
  if (!parsed.ok) throw new Error(parsed.reason);
  return [...parsed.verbs];
}

function reason(xml: string): string {
  const parsed = parseTexml(xml, URL_);
  if (parsed.ok) throw new Error('parsed');
  return parsed.reason;
}

describe('parseTexml', () => {
  it('reads verbs in order with their documented defaults', () => {
    expect(
      verbs(`<?xml version="1.0" encoding="UTF-8"?>
      <Response>
        <Say voice="alice">Hello &amp; welcome</Say>
        <Gather action="/menu" numDigits="1"><Say>Press 1</Say><Pause/></Gather>
        <Hangup/>
      </Response>`),
    ).toEqual([
      { verb: 'Say', text: 'Hello & welcome', voice: 'alice', language: 'en-US', loop: 1 },
      {
        verb: 'Gather',
        action: 'https://app.example.com/menu',
        method: null,
        dtmf: true,
        speech: false,
        timeoutSecs: 5,
        finishOnKey: '#',
        numDigits: 1,
        minDigits: 1,
        maxDigits: 128,
        validDigits: '0123456789#*',
        language: 'en-US',
        actionOnEmptyResult: false,
        prompts: [
          { verb: 'Say', text: 'Press 1', voice: 'man', language: 'en-US', loop: 1 },
          { verb: 'Pause', lengthSecs: 1 },
        ],
      },
      { verb: 'Hangup' },
    ]);
  });

  it('reads Dial nouns, a bare number, and relative action URLs', () => {
    const [dial, bare] = verbs(`<Response>
      <Dial action="done" timeout="200" record="record-from-answer">
        <Number statusCallbackEvent="initiated answered">+13125550100</Number>
        <Sip>sip:bob@example.com</Sip>
      </Dial>
      <Dial>+13125550101</Dial></Response>`);
    expect(dial).toMatchObject({
      action: { url: 'https://app.example.com/voice/done', method: 'POST' },
      timeoutSecs: 120,
      record: 'record-from-answer',
      nouns: [
        { noun: 'Number', to: '+13125550100', statusCallbackEvents: ['initiated', 'answered'] },
        { noun: 'Sip', to: 'sip:bob@example.com' },
      ],
    });
    expect(bare).toMatchObject({ nouns: [{ noun: 'Number', to: '+13125550101' }] });
  });

  it('reads Record, Redirect, Enqueue, Start/Stop Stream and skips unmodelled verbs', () => {
    expect(
      verbs(`<Response><Record maxLength="20" playBeep="false"/>
        <Start><Stream url="wss://media.example.com/s" name="s1"/></Start>
        <Stop><Stream name="s1"/></Stop>
        <Enqueue waitUrl="/wait">support</Enqueue><Leave/><Siprec/>
        <Redirect method="GET">https://other.example.com/next</Redirect></Response>`).map(
        (verb) => (verb as { verb: string }).verb,
      ),
    ).toEqual(['Record', 'Stream', 'StopStream', 'Enqueue', 'Leave', 'Skipped', 'Redirect']);
  });

  it('refuses what it cannot run, with a reason', () => {
    expect(reason('<Response><Say>hi</Response>')).toMatch(/not well-formed XML \(line 1/);
    expect(reason('<Foo/>')).toBe('the root element is <Foo>, not <Response>');
    expect(reason('<Response><Dance/></Response>')).toBe('<Dance> is not a TeXML verb');
    expect(reason('<Response><constructor/></Response>')).toBe('<constructor> is not a TeXML verb');
    expect(reason('<Response><Pay/></Response>')).toBe('<Pay> is not supported by Telnyx TeXML');
    expect(reason('<Response><Gather timeout="soon"/></Response>')).toBe(
      '<Gather> timeout must be a whole number, not "soon"',
    );
    expect(reason('<Response><Dial><Client>bob</Client></Dial></Response>')).toMatch(/Client/);
    expect(reason('<Response><Dial>12345</Dial></Response>')).toMatch(/E\.164/);
    expect(reason('')).toBe('empty document');
    expect(reason('<!DOCTYPE x [<!ENTITY a "aaaa">]><Response/>')).toBe('a DOCTYPE is not allowed');
    expect(
      reason(`<Response>${'<Say>x</Say>'.repeat(MAX_DOCUMENT_BYTES / 12 + 1)}</Response>`),
    ).toMatch(/larger than/);
    expect(
      reason(`<Response><Say>${'<b>'.repeat(100)}${'</b>'.repeat(100)}</Say></Response>`),
    ).toMatch(/nest/i);
  });

  it('never throws, whatever the bytes', () => {
    let seed = 7;
    const random = (): number => (seed = (seed * 48_271) % 2_147_483_647) / 2_147_483_647;
    const pieces = [
      '<',
      '>',
      '/',
      'Response',
      'Say',
      'Gather',
      '"',
      '=',
      ' a',
      '&',
      ';',
      '<!--',
      '-->',
      'x',
      '<![CDATA[',
      ']]>',
    ];
    for (let i = 0; i < 2000; i++) {
      let xml = '';
      const length = Math.floor(random() * 30);
      for (let j = 0; j < length; j++) xml += pieces[Math.floor(random() * pieces.length)] ?? '';
      expect(() => parseTexml(xml, URL_)).not.toThrow();
    }
  });
});

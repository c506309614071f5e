import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CallFixture } from './support/call-fixture.js';

let fx: CallFixture;

beforeEach(async () => {
  fx = await new CallFixture().setUp();
});

afterEach(async () => {
  await fx.tearDown();
});

interface Case {
  readonly to: string;
  readonly extra?: Record<string, unknown>;
  readonly events: readonly string[];
  readonly expect: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
}

const CASES: Readonly<Record<string, Case>> = {
  'a human (explicit test number)': {
    to: '+13125550100',
    events: ['call.initiated', 'call.answered'],
    expect: {
      'call.initiated': { direction: 'outgoing', state: 'bridging' },
      'call.answered': { state: 'answered' },
    },
  },
  'any number outside the test range': {
    to: '+442071838750',
    events: ['call.initiated', 'call.answered'],
    expect: {},
  },
  busy: {
    to: '+12125550101',
    events: ['call.initiated', 'call.hangup'],
    expect: {
      'call.hangup': {
        hangup_cause: 'user_busy',
        hangup_source: 'callee',
        sip_hangup_cause: '486',
      },
    },
  },
  'no answer (dial timeout)': {
    to: '+13125550102',
    extra: { timeout_secs: '5' },
    events: ['call.initiated', 'call.hangup'],
    expect: { 'call.hangup': { hangup_cause: 'timeout' } },
  },
  rejected: {
    to: '+13125550103',
    events: ['call.initiated', 'call.hangup'],
    expect: { 'call.hangup': { hangup_cause: 'call_rejected', sip_hangup_cause: '603' } },
  },
  'a machine with a beep (detect_beep)': {
    to: '+13125550104',
    extra: { answering_machine_detection: 'detect_beep' },
    events: [
      'call.initiated',
      'call.answered',
      'call.machine.detection.ended',
      'call.machine.greeting.ended',
    ],
    expect: {
      'call.machine.detection.ended': { result: 'machine' },
      'call.machine.greeting.ended': { result: 'beep_detected' },
    },
  },
  'a machine without a beep (detect_beep sends no greeting event)': {
    to: '+13125550105',
    extra: { answering_machine_detection: 'detect_beep' },
    events: ['call.initiated', 'call.answered', 'call.machine.detection.ended'],
    expect: { 'call.machine.detection.ended': { result: 'machine' } },
  },
  'a machine without a beep (greeting_end)': {
    to: '+13125550105',
    extra: { answering_machine_detection: 'greeting_end' },
    events: [
      'call.initiated',
      'call.answered',
      'call.machine.detection.ended',
      'call.machine.greeting.ended',
    ],
    expect: { 'call.machine.greeting.ended': { result: 'ended' } },
  },
  'a machine with a beep (premium)': {
    to: '+13125550104',
    extra: { answering_machine_detection: 'premium' },
    events: [
      'call.initiated',
      'call.answered',
      'call.machine.premium.detection.ended',
      'call.machine.premium.greeting.ended',
    ],
    expect: {
      'call.machine.premium.detection.ended': { result: 'machine' },
      'call.machine.premium.greeting.ended': { result: 'beep_detected' },
    },
  },
  'a fax (premium)': {
    to: '+13125550106',
    extra: { answering_machine_detection: 'premium' },
    events: ['call.initiated', 'call.answered', 'call.machine.premium.detection.ended'],
    expect: { 'call.machine.premium.detection.ended': { result: 'fax_detected' } },
  },
  'silence (detect)': {
    to: '+13125550107',
    extra: { answering_machine_detection: 'detect' },
    events: ['call.initiated', 'call.answered', 'call.machine.detection.ended'],
    expect: { 'call.machine.detection.ended': { result: 'not_sure' } },
  },
  'a human with AMD (detect_words sends no greeting for humans)': {
    to: '+13125550100',
    extra: { answering_machine_detection: 'detect_words' },
    events: ['call.initiated', 'call.answered', 'call.machine.detection.ended'],
    expect: { 'call.machine.detection.ended': { result: 'human' } },
  },
  'a business (premium)': {
    to: '+13125550108',
    extra: { answering_machine_detection: 'premium' },
    events: ['call.initiated', 'call.answered', 'call.machine.premium.detection.ended'],
    expect: { 'call.machine.premium.detection.ended': { result: 'human_business' } },
  },
};

describe('outbound calls to the test numbers', () => {
  for (const [name, testCase] of Object.entries(CASES)) {
    it(`behaves as ${name}`, async () => {
      const id = await fx.dial(testCase.to, testCase.extra);
      await fx.advance(6000);
      expect(fx.typesFor(id)).toEqual(testCase.events);
      for (const [eventType, fields] of Object.entries(testCase.expect)) {
        expect(fx.payloadOf(id, eventType)).toMatchObject(fields);
      }
      expect(fx.schemaProblems()).toEqual([]);
    });
  }

  it('answers after the configured delay, not before', async () => {
    const id = await fx.dial('+13125559999');
    await fx.advance(90);
    expect(fx.typesFor(id)).toEqual(['call.initiated']);
    await fx.advance(10);
    expect(fx.typesFor(id)).toEqual(['call.initiated', 'call.answered']);
  });

  it('ends an answered call at time_limit_secs', async () => {
    const id = await fx.dial('+13125559999', { time_limit_secs: 30 });
    await fx.advance(29_000);
    expect(fx.typesFor(id)).not.toContain('call.hangup');
    await fx.advance(1000);
    expect(fx.payloadOf(id, 'call.hangup')).toMatchObject({
      hangup_cause: 'time_limit',
      hangup_source: 'unknown',
    });
  });

  it('lets the far end answer a no-answer number by hand', async () => {
    const id = await fx.dial('+13125550102');
    expect((await fx.farEnd(id, 'answer')).status).toBe(200);
    await fx.advance(60_000);
    expect(fx.typesFor(id)).toEqual(['call.initiated', 'call.answered']);
  });
});

import { describe, expect, it } from 'vitest';
import { fieldsFromSpeech } from '../../../src/emulator/calls/ai-speech.js';

describe('fieldsFromSpeech (the scripted AI gather)', () => {
  const fields = { age: 'integer', home_city: 'string', vip: 'boolean', score: 'number' };

  it('reads "name: value", "name is value" and "name=value", typed by the schema', () => {
    expect(fieldsFromSpeech('Age is 29, home city: Paris; vip=yes. score is 4.5', fields)).toEqual({
      age: 29,
      home_city: 'Paris',
      vip: true,
      score: 4.5,
    });
  });

  it('skips values that do not fit their type and fields not said', () => {
    expect(fieldsFromSpeech('age is old, vip: maybe', fields)).toEqual({});
  });
});

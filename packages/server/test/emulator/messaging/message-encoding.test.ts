import { describe, expect, it } from 'vitest';
import { encodeText } from '../../../src/emulator/messaging/message-encoding.js';
import { messageOutcome } from '../../../src/emulator/messaging/message-test-numbers.js';

describe('encodeText', () => {
  it('fits 160 GSM-7 characters in one part and splits at 153 after that', () => {
    expect(encodeText('a'.repeat(160))).toEqual({ encoding: 'GSM-7', parts: 1, numChars: 160 });
    expect(encodeText('a'.repeat(307)).parts).toBe(3);
  });

  it('counts extension characters as two septets', () => {
    expect(encodeText('€'.repeat(80)).parts).toBe(1);
    expect(encodeText('€'.repeat(81)).parts).toBe(2);
  });

  it('falls back to UCS-2 for characters outside GSM-7, or when asked', () => {
    expect(encodeText('ж'.repeat(70))).toEqual({ encoding: 'UCS-2', parts: 1, numChars: 70 });
    expect(encodeText('ж'.repeat(71)).parts).toBe(2);
    expect(encodeText('hello', 'ucs2').encoding).toBe('UCS-2');
  });
});

describe('messageOutcome', () => {
  it('fails only the documented test numbers, in any area code', () => {
    expect(messageOutcome('+12125550180').status).toBe('delivery_failed');
    expect(messageOutcome('+13125550182').status).toBe('sending_failed');
    expect(messageOutcome('+13125550199').status).toBe('delivered');
    expect(messageOutcome('+13125550280').status).toBe('delivered');
    expect(messageOutcome('+443125550180').status).toBe('delivered');
  });
});

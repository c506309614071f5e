import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commandIdFor, uuidV5 } from '../src/command-id-for.js';
import { testEvent } from './support/fixtures.js';

const UUID_V5 = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('commandIdFor', () => {
  it('implements RFC 9562 UUIDv5 (DNS namespace test vector)', () => {
    expect(uuidV5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'www.example.com')).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    );
  });

  it('gives a duplicate delivery of the same event the same command id', () => {
    const first = testEvent('call.initiated', { id: 'evt-1', attempt: 1 });
    const retry = testEvent('call.initiated', { id: 'evt-1', attempt: 2 });
    expect(commandIdFor(retry, 'answer')).toBe(commandIdFor(first, 'answer'));
  });

  it('differs across events and across actions, and is always a v5 UUID', () => {
    fc.assert(
      fc.property(fc.uuid(), fc.uuid(), fc.string(), fc.string(), (idA, idB, actionA, actionB) => {
        const a = commandIdFor(testEvent('call.initiated', { id: idA }), actionA);
        const b = commandIdFor(testEvent('call.initiated', { id: idB }), actionB);
        expect(a).toMatch(UUID_V5);
        expect(a === b).toBe(idA === idB && actionA === actionB);
      }),
    );
  });
});

import { describe, expect, it } from 'vitest';
import { timeOrderedIds, uuidV7 } from '../../src/storage/time-ordered-id.js';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('time-ordered ids (UUIDv7)', () => {
  it('lays out the millisecond time, version 7 and the RFC 9562 variant', () => {
    const random = Uint8Array.from([0xff, 0x01, 0xff, 0x02, 3, 4, 5, 6, 7, 8]);
    expect(uuidV7(0x0123456789ab, random)).toBe('01234567-89ab-7f01-bf02-030405060708');
  });

  it('sorts later ids after earlier ones, as text', () => {
    let now = 1_700_000_000_000;
    const next = timeOrderedIds(() => (now += 1));
    const ids = Array.from({ length: 600 }, next);
    expect(ids.every((id) => UUID_V7.test(id))).toBe(true);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('keeps ids made in the same millisecond distinct', () => {
    const next = timeOrderedIds(() => 1_700_000_000_000);
    const ids = Array.from({ length: 1_000 }, next);
    expect(new Set(ids).size).toBe(1_000);
  });
});

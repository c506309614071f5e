import { describe, expect, it } from 'vitest';
import { ReadyDeliveries } from '../../src/engine/delivery/ready-deliveries.js';
import type { Delivery } from '../../src/storage/store.js';

function ready(id: string, origin: string) {
  return { delivery: { id, origin } as Delivery, leaseExpiresAt: 1 };
}

describe('ReadyDeliveries', () => {
  it('hands out what admit takes, in claim order, and keeps the rest in order', () => {
    const queue = new ReadyDeliveries();
    queue.add([ready('a', 'x'), ready('b', 'busy'), ready('c', 'x'), ready('d', 'x')]);
    const admitted: string[] = [];
    const taken = queue.take(2, (item) => {
      if (item.delivery.origin === 'busy') return false;
      admitted.push(item.delivery.id);
      return true;
    });

    expect(taken.map((item) => item.delivery.id)).toEqual(['a', 'c']);
    expect(admitted).toEqual(['a', 'c']);
    expect(queue.size).toBe(2);
    expect(queue.clear().map((item) => item.delivery.id)).toEqual(['b', 'd']);
    expect(queue.size).toBe(0);
  });
});

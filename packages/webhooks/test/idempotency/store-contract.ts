import { describe, expect, it } from 'vitest';
import type { IdempotencyStore } from '../../src/idempotency/idempotency-store.js';

/** Two handles on one backend, as two processes would hold them. */
export interface StorePair {
  readonly a: IdempotencyStore;
  /** A second holder on the same backend; undefined for single-process stores. */
  readonly b: IdempotencyStore | undefined;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
let counter = 0;
const freshId = () => `evt-${++counter}-${Math.random().toString(36).slice(2)}`;
const LONG = 60_000;

/** The contract every idempotency store meets, run against each real backend. */
export function describeStoreContract(name: string, open: () => StorePair): void {
  describe(`${name} idempotency store contract`, () => {
    it('reserves once, then reports in_progress while the lease is live', async () => {
      const { a } = open();
      const id = freshId();
      expect(await a.reserve(id, LONG)).toBe('reserved');
      expect(await a.reserve(id, LONG)).toBe('in_progress');
    });

    it('reports done after complete', async () => {
      const { a } = open();
      const id = freshId();
      await a.reserve(id, LONG);
      expect(await a.complete(id, LONG)).toBe(true);
      expect(await a.reserve(id, LONG)).toBe('done');
    });

    it('lets a retry reserve again after release', async () => {
      const { a } = open();
      const id = freshId();
      await a.reserve(id, LONG);
      expect(await a.release(id)).toBe(true);
      expect(await a.reserve(id, LONG)).toBe('reserved');
    });

    it('lets a new holder reserve once a lease expires', async () => {
      const { a } = open();
      const id = freshId();
      await a.reserve(id, 40);
      await sleep(120);
      expect(await a.reserve(id, LONG)).toBe('reserved');
    });

    it('forgets a done record after its ttl', async () => {
      const { a } = open();
      const id = freshId();
      await a.reserve(id, LONG);
      await a.complete(id, 40);
      await sleep(120);
      expect(await a.reserve(id, LONG)).toBe('reserved');
    });

    it('grants exactly one of many concurrent reservations', async () => {
      const { a, b } = open();
      const id = freshId();
      const holders = Array.from({ length: 16 }, (_, i) => (i % 2 === 1 && b ? b : a));
      const outcomes = await Promise.all(holders.map((store) => store.reserve(id, LONG)));
      expect(outcomes.filter((outcome) => outcome === 'reserved')).toHaveLength(1);
      expect(outcomes.filter((outcome) => outcome === 'in_progress')).toHaveLength(15);
    });

    it('does nothing on complete or release without a lease', async () => {
      const { a } = open();
      const id = freshId();
      expect(await a.complete(id, LONG)).toBe(false);
      expect(await a.release(id)).toBe(false);
      expect(await a.reserve(id, LONG)).toBe('reserved');
    });

    it('keeps ids independent', async () => {
      const { a } = open();
      const [first, second] = [freshId(), freshId()];
      await a.reserve(first, LONG);
      await a.complete(first, LONG);
      expect(await a.reserve(second, LONG)).toBe('reserved');
    });

    it('does not let another holder complete or release a lease it does not hold', async (ctx) => {
      const { a, b } = open();
      if (b === undefined) return ctx.skip();
      const id = freshId();
      await a.reserve(id, LONG);
      expect(await b.reserve(id, LONG)).toBe('in_progress');
      expect(await b.complete(id, LONG)).toBe(false);
      expect(await b.release(id)).toBe(false);
      expect(await b.reserve(id, LONG)).toBe('in_progress');
    });

    it('ignores the first holder once its expired lease was taken over', async (ctx) => {
      const { a, b } = open();
      if (b === undefined) return ctx.skip();
      const id = freshId();
      await a.reserve(id, 40);
      await sleep(120);
      expect(await b.reserve(id, LONG)).toBe('reserved');
      expect(await a.release(id)).toBe(false);
      expect(await a.complete(id, LONG)).toBe(false);
      expect(await a.reserve(id, LONG)).toBe('in_progress');
      expect(await b.complete(id, LONG)).toBe(true);
      expect(await a.reserve(id, LONG)).toBe('done');
    });
  });
}

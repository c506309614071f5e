import { describe, expect, it } from 'vitest';
import { TurnBatch } from '../../src/storage/turn-batch.js';

describe('TurnBatch', () => {
  it('runs the calls of one turn as one batch, each getting its own result', async () => {
    const batches: number[][] = [];
    const batch = new TurnBatch<number, number>(
      (inputs) => {
        batches.push([...inputs]);
        return Promise.resolve(inputs.map((input) => input * 10));
      },
      () => Promise.reject(new Error('not used')),
    );
    expect(await Promise.all([batch.add(1), batch.add(2), batch.add(3)])).toEqual([10, 20, 30]);
    expect(await batch.add(4)).toBe(40);
    expect(batches).toEqual([[1, 2, 3], [4]]);
  });

  it('runs every call alone when the batch fails, so one bad call fails only itself', async () => {
    const batch = new TurnBatch<number, number>(
      () => Promise.reject(new Error('batch failed')),
      (input) => (input === 2 ? Promise.reject(new Error('bad 2')) : Promise.resolve(input)),
    );
    const results = await Promise.allSettled([batch.add(1), batch.add(2), batch.add(3)]);
    expect(results).toEqual([
      { status: 'fulfilled', value: 1 },
      { status: 'rejected', reason: new Error('bad 2') },
      { status: 'fulfilled', value: 3 },
    ]);
  });

  it('fails the calls a batch returned no result for', async () => {
    const batch = new TurnBatch<number, number>(
      () => Promise.resolve([1]),
      () => Promise.resolve(0),
    );
    const results = await Promise.allSettled([batch.add(1), batch.add(2)]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected']);
  });
});

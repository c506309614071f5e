import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, expectTypeOf, it } from 'vitest';
import type { Account, SigningKey } from '../../src/storage/account-store.js';
import type { JsonObject } from '../../src/storage/store.js';
import type { ReportedPublish } from '../../src/storage/sqlite/sqlite-store.js';
import { SqliteThreadClient } from '../../src/storage/sqlite/sqlite-thread-client.js';
import type {
  ArgsOf,
  OperationName,
  ResultOf,
} from '../../src/storage/sqlite/sqlite-thread-operations.js';
import {
  fromThreadError,
  pack,
  PLAIN_DEPTH,
  postBatch,
  toThreadError,
  unpack,
} from '../../src/storage/sqlite/sqlite-thread-protocol.js';
import { makeAccount, makeKey } from './store-fixtures.js';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function openClient(): Promise<SqliteThreadClient> {
  const dir = await mkdtemp(join(tmpdir(), 'switchboard-protocol-'));
  dirs.push(dir);
  const client = new SqliteThreadClient({ filename: join(dir, 'test.db') });
  await client.ready;
  return client;
}

describe('SQLite thread protocol', () => {
  it('types each operation by the role method it serves', () => {
    expectTypeOf<ArgsOf<'createAccount'>>().toEqualTypeOf<[account: Account, key: SigningKey]>();
    expectTypeOf<ResultOf<'getAccount'>>().toEqualTypeOf<Account | null>();
    expectTypeOf<ResultOf<'publish'>>().toEqualTypeOf<ReportedPublish>();
    expectTypeOf<ResultOf<'releaseMemory'>>().toBeVoid();
    expectTypeOf<'publishReporting'>().not.toExtend<OperationName>();
    expectTypeOf<'inboxes.insertCapture'>().not.toExtend<OperationName>();
  });

  it('runs operations on the thread, releaseMemory among them, and refuses an unknown one', async () => {
    const client = await openClient();
    try {
      const account = makeAccount();
      await client.call('createAccount', account, makeKey(account.id));
      await client.call('releaseMemory');
      expect(await client.call('getAccount', account.id)).toEqual(account);
      expect(await client.call('lastCaptureSequence', account.id)).toBe(0);
      // @ts-expect-error: not an operation; a message that names one anyway fails alone
      const unknown = client.call('publishReporting', {});
      await expect(unknown).rejects.toThrow('No SQLite thread operation publishReporting');
      expect(await client.call('countQueued')).toBe(0);
    } finally {
      await client.call('close');
      await client.exited();
    }
  });

  it('packs a shallow value as itself and a deeper one as bytes, and reads both back', () => {
    const shallow = { a: [1, 'two', null], b: new Uint8Array(100_000) };
    expect(pack(shallow)).toEqual({ value: shallow });
    expect(unpack(pack(shallow))).toBe(shallow);
    const atLimit = nested(PLAIN_DEPTH);
    expect(pack(atLimit).bytes).toBeUndefined();
    const deeper = nested(PLAIN_DEPTH + 1);
    expect(pack(deeper).bytes).toBeInstanceOf(Uint8Array);
    expect(unpack(pack(deeper))).toEqual(deeper);
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    const back = unpack(pack(cyclic));
    expect(back['self']).toBe(back);
  });

  it('posts a batch whole, or item by item when it cannot be cloned, and names what could not go', () => {
    const posted: (readonly unknown[])[] = [];
    const unsent: unknown[] = [];
    const post = (batch: readonly unknown[]): void => {
      if (batch.some((item) => typeof item === 'function')) throw new Error('cannot clone');
      posted.push(batch);
    };
    postBatch(post, [1, 2], (item) => unsent.push(item));
    const bad = (): number => 3;
    postBatch(post, [4, bad, 5], (item) => unsent.push(item));
    expect(posted).toEqual([[1, 2], [4], [5]]);
    expect(unsent).toEqual([bad]);
  });

  it('carries a deep argument and a deep result across the thread', async () => {
    const client = await openClient();
    try {
      const account = makeAccount();
      await client.call('createAccount', account, makeKey(account.id));
      const settings = { deep: nested(500) };
      await client.call('updateAccountSettings', account.id, settings);
      expect((await client.call('getAccount', account.id))?.settings).toEqual(settings);
    } finally {
      await client.call('close');
      await client.exited();
    }
  });

  it("carries an error's name, code and text across", () => {
    const error = Object.assign(new RangeError('too deep'), { code: 'SB_DEEP' });
    const rebuilt = fromThreadError(toThreadError(error));
    expect(rebuilt).toMatchObject({ name: 'RangeError', message: 'too deep', code: 'SB_DEEP' });
    expect(fromThreadError(toThreadError('plain'))).toMatchObject({
      name: 'Error',
      message: 'plain',
    });
  });
});

/** `levels` nested objects: `{ next: { next: … {} } }`. */
function nested(levels: number): JsonObject {
  let value: JsonObject = {};
  for (let level = 1; level < levels; level += 1) value = { next: value };
  return value;
}

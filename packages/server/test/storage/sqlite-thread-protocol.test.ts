import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, expectTypeOf, it } from 'vitest';
import type { Account, SigningKey } from '../../src/storage/account-store.js';
import type { ReportedPublish } from '../../src/storage/sqlite/sqlite-store.js';
import { SqliteThreadClient } from '../../src/storage/sqlite/sqlite-thread-client.js';
import type {
  ArgsOf,
  OperationName,
  ResultOf,
} from '../../src/storage/sqlite/sqlite-thread-operations.js';
import {
  decode,
  encode,
  fromThreadError,
  toThreadError,
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

  it("reads back what it encoded, and carries an error's name, code and text across", () => {
    const value = { a: [1, 'two', null], b: new Uint8Array([3]) };
    expect(decode(encode(value))).toEqual(value);
    const error = Object.assign(new RangeError('too deep'), { code: 'SB_DEEP' });
    const rebuilt = fromThreadError(toThreadError(error));
    expect(rebuilt).toMatchObject({ name: 'RangeError', message: 'too deep', code: 'SB_DEEP' });
    expect(fromThreadError(toThreadError('plain'))).toMatchObject({
      name: 'Error',
      message: 'plain',
    });
  });
});

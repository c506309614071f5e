import { afterAll, describe } from 'vitest';
import { memoryIdempotencyStore } from '../../src/idempotency/memory-store.js';
import { postgresIdempotencyStore } from '../../src/idempotency/postgres-store.js';
import { redisIdempotencyStore } from '../../src/idempotency/redis-store.js';
import { connectPostgres, connectRedis, uniqueName } from '../support/services.js';
import { describeStoreContract } from './store-contract.js';

describeStoreContract('memory', () => ({ a: memoryIdempotencyStore(), b: undefined }));

const redis = await connectRedis();
const redisPrefix = `${uniqueName('sbtest')}:`;
describe.skipIf(redis === undefined)('redis', () => {
  afterAll(async () => {
    const keys = await redis!.keys(`${redisPrefix}*`);
    if (keys.length > 0) await redis!.del(...keys);
    redis!.disconnect();
  });
  describeStoreContract('redis', () => ({
    a: redisIdempotencyStore(redis!, { prefix: redisPrefix }),
    b: redisIdempotencyStore(redis!, { prefix: redisPrefix }),
  }));
});

const pool = await connectPostgres();
const table = uniqueName('sbtest_idem');
describe.skipIf(pool === undefined)('postgres', () => {
  afterAll(async () => {
    await pool!.query(`DROP TABLE IF EXISTS "${table}"`);
    await pool!.end();
  });
  describeStoreContract('postgres', () => ({
    a: postgresIdempotencyStore(pool!, { table }),
    b: postgresIdempotencyStore(pool!, { table }),
  }));
});

import type { IdempotencyStore, ReserveOutcome } from './idempotency-store.js';

/** The one ioredis method the store uses; an ioredis `Redis` (or `Cluster`) satisfies it. */
export interface RedisEvalClient {
  eval(script: string, numkeys: number, ...args: (string | number)[]): Promise<unknown>;
}

export interface RedisIdempotencyStoreOptions {
  /** Key prefix; records live at `${prefix}${eventId}`. Default `switchboard:webhook:`. */
  readonly prefix?: string;
}

const DONE = 'done';

// SET NX PX takes the lease atomically; the key holds the holder's token while in progress
// and the literal "done" afterwards, so one GET tells the two apart.
const RESERVE = `
if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return 'reserved' end
if redis.call('GET', KEYS[1]) == '${DONE}' then return 'done' end
return 'in_progress'`;

// Compare-and-act: a holder whose lease expired and was taken over must not touch the new lease.
const COMPLETE = `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[1], '${DONE}', 'PX', ARGV[2])
return 1`;

const RELEASE = `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
return redis.call('DEL', KEYS[1])`;

/**
 * A Redis-backed store (ioredis), shared by every process that uses the same prefix. Each
 * store instance remembers the token of the leases it took, and complete/release act only
 * while that token still owns the key.
 */
export function redisIdempotencyStore(
  client: RedisEvalClient,
  options: RedisIdempotencyStoreOptions = {},
): IdempotencyStore {
  const prefix = options.prefix ?? 'switchboard:webhook:';
  const tokens = new Map<string, string>();

  const settle = async (id: string, script: string, ...args: number[]): Promise<boolean> => {
    const token = tokens.get(id);
    if (token === undefined) return false;
    tokens.delete(id);
    return (await client.eval(script, 1, prefix + id, token, ...args)) === 1;
  };

  return {
    reserve: async (id, leaseMs) => {
      const token = crypto.randomUUID();
      const outcome = await client.eval(RESERVE, 1, prefix + id, token, Math.ceil(leaseMs));
      if (outcome === 'reserved') tokens.set(id, token);
      return outcome as ReserveOutcome;
    },
    complete: (id, ttlMs) => settle(id, COMPLETE, Math.ceil(ttlMs)),
    release: (id) => settle(id, RELEASE),
  };
}

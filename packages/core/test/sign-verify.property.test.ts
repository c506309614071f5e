import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBase64, encodeBase64, signWebhook, verifySignature } from '@switchboard/core';
import { expectCode, flipBit, keysFromSeed } from './support.js';

const seed = fc.uint8Array({ minLength: 32, maxLength: 32 });
const body = fc.oneof(
  fc.string({ unit: 'grapheme' }),
  fc.uint8Array({ minLength: 1, maxLength: 512 }),
);
const timestamp = fc.integer({ min: 10_000_000, max: 4_000_000_000 });
const RUNS = { numRuns: 60 };

function signed(seedBytes: Uint8Array, payload: string | Uint8Array, ts: number) {
  const { privateKey, publicKey } = keysFromSeed(seedBytes);
  return { publicKey, headers: signWebhook({ body: payload, privateKey, timestamp: ts }) };
}

describe('signWebhook → verifySignature (property)', () => {
  it('round-trips any body, timestamp and key, returning the exact body bytes', async () => {
    await fc.assert(
      fc.asyncProperty(seed, body, timestamp, async (s, payload, ts) => {
        const { publicKey, headers } = signed(s, payload, ts);
        const bytes = await verifySignature({ body: payload, headers, publicKey, now: ts * 1000 });
        const expected = typeof payload === 'string' ? new TextEncoder().encode(payload) : payload;
        expect(Buffer.from(bytes).equals(Buffer.from(expected))).toBe(true);
      }),
      RUNS,
    );
  });

  it('rejects any changed body byte with WH_BAD_SIGNATURE', async () => {
    const bytesBody = fc.uint8Array({ minLength: 1, maxLength: 256 });
    await fc.assert(
      fc.asyncProperty(
        seed,
        bytesBody,
        timestamp,
        fc.nat(),
        fc.nat(7),
        async (s, payload, ts, i, bit) => {
          const { publicKey, headers } = signed(s, payload, ts);
          const tampered = flipBit(payload, i, bit);
          await expectCode(
            verifySignature({ body: tampered, headers, publicKey, now: ts * 1000 }),
            'WH_BAD_SIGNATURE',
          );
        },
      ),
      RUNS,
    );
  });

  it('rejects an appended or truncated body with WH_BAD_SIGNATURE', async () => {
    await fc.assert(
      fc.asyncProperty(
        seed,
        fc.string({ minLength: 1 }),
        timestamp,
        fc.boolean(),
        async (s, payload, ts, append) => {
          const { publicKey, headers } = signed(s, payload, ts);
          const changed = append ? `${payload} ` : payload.slice(0, -1);
          await expectCode(
            verifySignature({ body: changed, headers, publicKey, now: ts * 1000 }),
            'WH_BAD_SIGNATURE',
          );
        },
      ),
      RUNS,
    );
  });

  it('rejects a different timestamp inside the tolerance with WH_BAD_SIGNATURE', async () => {
    const shift = fc.integer({ min: -300, max: 300 }).filter((d) => d !== 0);
    await fc.assert(
      fc.asyncProperty(seed, body, timestamp, shift, async (s, payload, ts, delta) => {
        const { publicKey, headers } = signed(s, payload, ts);
        const moved = { ...headers, 'telnyx-timestamp': String(ts + delta) };
        await expectCode(
          verifySignature({ body: payload, headers: moved, publicKey, now: ts * 1000 }),
          'WH_BAD_SIGNATURE',
        );
      }),
      RUNS,
    );
  });

  it('rejects a timestamp outside the tolerance as too old or too new, before the signature', async () => {
    const skew = fc.integer({ min: 301, max: 10_000_000 });
    await fc.assert(
      fc.asyncProperty(
        seed,
        body,
        timestamp,
        skew,
        fc.boolean(),
        async (s, payload, ts, by, old) => {
          const { publicKey, headers } = signed(s, payload, ts);
          const now = (old ? ts + by : ts - by) * 1000;
          await expectCode(
            verifySignature({ body: payload, headers, publicKey, now }),
            old ? 'WH_TIMESTAMP_TOO_OLD' : 'WH_TIMESTAMP_TOO_NEW',
          );
        },
      ),
      RUNS,
    );
  });

  it('rejects a non-numeric timestamp with WH_MALFORMED_TIMESTAMP', async () => {
    const bad = fc
      .string({ minLength: 1 })
      .filter((t) => !/^\d{1,15}$/.test(t.trim()) && t.trim() !== '');
    await fc.assert(
      fc.asyncProperty(seed, body, timestamp, bad, async (s, payload, ts, text) => {
        const { publicKey, headers } = signed(s, payload, ts);
        const broken = { ...headers, 'telnyx-timestamp': text };
        await expectCode(
          verifySignature({ body: payload, headers: broken, publicKey, now: ts * 1000 }),
          'WH_MALFORMED_TIMESTAMP',
        );
      }),
      RUNS,
    );
  });

  it('rejects any flipped signature bit with WH_BAD_SIGNATURE', async () => {
    await fc.assert(
      fc.asyncProperty(
        seed,
        body,
        timestamp,
        fc.nat(63),
        fc.nat(7),
        async (s, payload, ts, i, bit) => {
          const { publicKey, headers } = signed(s, payload, ts);
          const sig = decodeBase64(headers['telnyx-signature-ed25519'])!;
          const forged = {
            ...headers,
            'telnyx-signature-ed25519': encodeBase64(flipBit(sig, i, bit)),
          };
          await expectCode(
            verifySignature({ body: payload, headers: forged, publicKey, now: ts * 1000 }),
            'WH_BAD_SIGNATURE',
          );
        },
      ),
      RUNS,
    );
  });

  it('rejects a signature of the wrong length with WH_MALFORMED_SIGNATURE', async () => {
    const length = fc.integer({ min: 1, max: 128 }).filter((n) => n !== 64);
    await fc.assert(
      fc.asyncProperty(seed, body, timestamp, length, async (s, payload, ts, n) => {
        const { publicKey, headers } = signed(s, payload, ts);
        const wrong = { ...headers, 'telnyx-signature-ed25519': encodeBase64(new Uint8Array(n)) };
        await expectCode(
          verifySignature({ body: payload, headers: wrong, publicKey, now: ts * 1000 }),
          'WH_MALFORMED_SIGNATURE',
        );
      }),
      RUNS,
    );
  });

  it('rejects a signature made with another key with WH_BAD_SIGNATURE', async () => {
    await fc.assert(
      fc.asyncProperty(seed, seed, body, timestamp, async (a, b, payload, ts) => {
        fc.pre(Buffer.compare(Buffer.from(a), Buffer.from(b)) !== 0);
        const { headers } = signed(a, payload, ts);
        const other = keysFromSeed(b).publicKey;
        await expectCode(
          verifySignature({ body: payload, headers, publicKey: other, now: ts * 1000 }),
          'WH_BAD_SIGNATURE',
        );
      }),
      RUNS,
    );
  });
});

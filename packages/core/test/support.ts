import { expect } from 'vitest';
import {
  encodeBase64,
  publicKeyFromPrivate,
  WEBHOOK_ERROR_CODES,
  WebhookVerificationError,
  type WebhookErrorCode,
} from '@switchboard/core';

/** A key pair from a 32-byte seed, so fast-check can shrink keys like any other input. */
export function keysFromSeed(seed: Uint8Array): { privateKey: string; publicKey: string } {
  const privateKey = encodeBase64(seed);
  return { privateKey, publicKey: publicKeyFromPrivate(privateKey) };
}

/** Awaits `promise`, expecting a rejection with a WebhookVerificationError of `code`. */
export async function expectCode(promise: Promise<unknown>, code: WebhookErrorCode): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(WebhookVerificationError);
  expect((error as WebhookVerificationError).code).toBe(code);
}

/** The error `promise` rejects with; fails the test when it resolves. */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (reason: unknown) => reason,
  );
}

export function isDocumentedCode(code: unknown): boolean {
  return typeof code === 'string' && Object.hasOwn(WEBHOOK_ERROR_CODES, code);
}

/** Flips one bit of `bytes` at `index` (mod length), in a copy. */
export function flipBit(bytes: Uint8Array, index: number, bit: number): Uint8Array {
  const copy = new Uint8Array(bytes);
  const at = index % copy.length;
  copy[at] = (copy[at] ?? 0) ^ (1 << (bit % 8));
  return copy;
}

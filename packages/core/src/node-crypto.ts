import type * as NodeCryptoModule from 'node:crypto';

type NodeCrypto = typeof NodeCryptoModule;

/**
 * `node:crypto` when the runtime has it, else null. Loaded this way (not a static import) so
 * the package still loads on edge runtimes, where verification falls back to WebCrypto.
 */
export const nodeCrypto: NodeCrypto | null = await import('node:crypto').catch(() => null);

/** `node:crypto`, or a clear error naming what needs it (signing and key generation do). */
export function requireNodeCrypto(feature: string): NodeCrypto {
  if (nodeCrypto === null)
    throw new Error(`${feature} needs node:crypto, which this runtime lacks.`);
  return nodeCrypto;
}

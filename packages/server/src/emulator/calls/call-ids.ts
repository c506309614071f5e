/**
 * Identifier makers driven by an injected `random()`, so tests and benches get reproducible ids
 * while the server passes a real source.
 */

const HEX = '0123456789abcdef';
const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** A version-4 UUID. */
export function uuidFrom(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => HEX[Math.floor(random() * 16)] ?? '0');
  hex[12] = '4';
  hex[16] = HEX[8 + Math.floor(random() * 4)] ?? '8';
  const text = hex.join('');
  return `${text.slice(0, 8)}-${text.slice(8, 12)}-${text.slice(12, 16)}-${text.slice(16, 20)}-${text.slice(20)}`;
}

/** A Telnyx-style call control id: `v3:` and 54 base64url characters. */
export function callControlIdFrom(random: () => number): string {
  const chars = Array.from({ length: 54 }, () => BASE64URL[Math.floor(random() * 64)] ?? 'A');
  return `v3:${chars.join('')}`;
}

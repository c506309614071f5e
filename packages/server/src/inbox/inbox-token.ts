/** Bytes of randomness in an inbox token: 192 bits, well past the 128 the URL must resist. */
const TOKEN_BYTES = 24;

/** A fresh unguessable inbox token, URL-safe without escaping. */
export function newInboxToken(random: (size: number) => Uint8Array): string {
  return Buffer.from(random(TOKEN_BYTES)).toString('base64url');
}

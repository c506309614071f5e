import { concatBytes, encodeBase64, utf8 } from './encoding.js';
import { importPrivateKey } from './keys.js';
import { requireNodeCrypto } from './node-crypto.js';

/** What `signWebhook` signs, and with which key. */
export interface SignWebhookOptions {
  /** The exact bytes that will be sent. */
  readonly body: string | Uint8Array;
  /** Base64 of the raw 32-byte Ed25519 seed. */
  readonly privateKey: string;
  /** Unix seconds; defaults to now. */
  readonly timestamp?: number;
}

/** The headers `signWebhook` returns (a type alias, so it is assignable to `HeaderSource`). */
export type TelnyxSignatureHeaders = {
  readonly 'telnyx-timestamp': string;
  readonly 'telnyx-signature-ed25519': string;
};

/** Signs as Telnyx does: Ed25519 over the bytes `timestamp|body`, base64 signature. */
export function signWebhook(options: SignWebhookOptions): TelnyxSignatureHeaders {
  const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
  const body = typeof options.body === 'string' ? utf8(options.body) : options.body;
  const signed = concatBytes(utf8(`${timestamp}|`), body);
  const signature = requireNodeCrypto('signWebhook').sign(
    null,
    signed,
    importPrivateKey(options.privateKey),
  );
  return { 'telnyx-timestamp': timestamp, 'telnyx-signature-ed25519': encodeBase64(signature) };
}

import { serializeWebhookBody, type WebhookBodyFormat } from '../envelope.js';
import { generateKeyPair, publicKeyFromPrivate, type KeyPair } from '../keys.js';
import { signWebhook } from '../sign-webhook.js';

/** What to sign: an event object (serialised here) or a body string sent as it is. */
export type SignTestWebhookOptions = (
  | { readonly event: unknown; readonly body?: never }
  | { readonly body: string; readonly event?: never }
) & {
  /** Base64 raw Ed25519 seed; default: a key pair made once per process. */
  readonly privateKey?: string;
  /** Unix seconds; default: now. */
  readonly timestamp?: number;
  /** How an `event` is serialised; default `'telnyx'` (sorted keys, 2-space indent). */
  readonly format?: WebhookBodyFormat;
};

/** A signed request as Telnyx would send it, plus the key that verifies it. */
export interface SignedTestWebhook {
  readonly body: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly publicKey: string;
}

let defaultKeys: KeyPair | undefined;

/**
 * Signs a webhook the way Telnyx does, for tests of receivers: pass `body` and `headers` to
 * the code under test and configure it with `publicKey`.
 */
export function signTestWebhook(options: SignTestWebhookOptions): SignedTestWebhook {
  const privateKey = options.privateKey ?? testKeys().privateKey;
  const body = options.body ?? serializeWebhookBody(options.event, options.format ?? 'telnyx');
  const signature = signWebhook({
    body,
    privateKey,
    ...(options.timestamp === undefined ? {} : { timestamp: options.timestamp }),
  });
  const headers = {
    'content-type': 'application/json',
    'user-agent': 'telnyx-webhooks',
    ...signature,
  };
  return { body, headers, publicKey: publicKeyFromPrivate(privateKey) };
}

function testKeys(): KeyPair {
  defaultKeys ??= generateKeyPair();
  return defaultKeys;
}

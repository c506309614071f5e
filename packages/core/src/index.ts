export { WebhookVerificationError, WEBHOOK_ERROR_CODES, type WebhookErrorCode } from './webhook-verification-error.js';
export { generateKeyPair, publicKeyFromPrivate, importPrivateKey, importPublicKey, type KeyPair } from './keys.js';
export { decodeRawKey } from './raw-key.js';
export { signWebhook, type SignWebhookOptions, type TelnyxSignatureHeaders } from './sign-webhook.js';
export {
  signStandardWebhook,
  standardSignedContent,
  type SignStandardWebhookOptions,
  type StandardWebhookHeaders,
} from './standard-webhooks.js';
export { verifySignature, type VerifySignatureOptions } from './verify-signature.js';
export { verifyWebhook, type VerifyWebhookOptions } from './verify-webhook.js';
export { getHeader, type HeaderSource } from './header-lookup.js';
export { decodeBase64, encodeBase64 } from './encoding.js';
export { parseEvent } from './events/parse-event.js';
export type { TelnyxEvent, TelnyxEventV2 } from './events/telnyx-event.js';
export {
  buildEnvelope,
  serializeWebhookBody,
  v1EventType,
  type WebhookData,
  type DeliveryMeta,
  type WebhookApiVersion,
  type WebhookBodyFormat,
} from './envelope.js';

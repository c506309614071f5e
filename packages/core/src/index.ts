export {
  WebhookVerificationError,
  WEBHOOK_ERROR_CODES,
  type WebhookErrorCode,
} from './webhook-verification-error.js';
export {
  generateKeyPair,
  publicKeyFromPrivate,
  importPrivateKey,
  importPublicKey,
  type KeyPair,
} from './keys.js';
export { decodeRawKey } from './raw-key.js';
export {
  signWebhook,
  type SignWebhookOptions,
  type TelnyxSignatureHeaders,
} from './sign-webhook.js';
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
export type {
  TelnyxEvent,
  TelnyxEventType,
  TelnyxEventV1,
  TelnyxWebhookEvent,
  KnownTelnyxEvent,
  UnknownTelnyxEvent,
  EventOf,
  EventV1Of,
  PayloadOf,
  TelnyxEventEnvelope,
  TelnyxEventV1Envelope,
  V1EventTypeName,
} from './events/telnyx-event.js';
export type * from './events/generated/index.js';
export { KNOWN_EVENT_TYPES } from './events/generated/index.js';
export { isKnownEvent, isKnownEventType, isEventType } from './events/is-known-event.js';
export { normalizeEvent, isV1Event, eventType, v2EventType } from './events/normalize-event.js';
export {
  eventTemplate,
  TEMPLATE_DELIVERED_TO,
  type TemplateIds,
  type TemplateSources,
} from './events/templates.js';
export { buildTestEvent, type BuildTestEventOptions } from './testing/build-test-event.js';
export {
  signTestWebhook,
  type SignTestWebhookOptions,
  type SignedTestWebhook,
} from './testing/sign-test-webhook.js';
export { deepMerge, type DeepPartial } from './testing/deep-merge.js';
export {
  buildEnvelope,
  serializeWebhookBody,
  v1EventType,
  type WebhookData,
  type DeliveryMeta,
  type WebhookApiVersion,
  type WebhookBodyFormat,
} from './envelope.js';
export { MAX_JSON_DEPTH, JsonTooDeepError, jsonDepthExceeds } from './json-depth.js';
export { copyJson, type CopyJsonOptions } from './copy-json.js';
export { seededRandom, drawInteger, shuffled } from './seeded-random.js';
export { requireNodeCrypto } from './node-crypto.js';

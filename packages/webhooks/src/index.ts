export {
  verifyWebhook,
  verifySignature,
  parseEvent,
  getHeader,
  signWebhook,
  signStandardWebhook,
  generateKeyPair,
  publicKeyFromPrivate,
  WebhookVerificationError,
  WEBHOOK_ERROR_CODES,
  normalizeEvent,
  isKnownEvent,
  isEventType,
  KNOWN_EVENT_TYPES,
} from '@switchboard/core';
export type {
  TelnyxEvent,
  TelnyxEventType,
  TelnyxWebhookEvent,
  TelnyxEventV1,
  KnownTelnyxEvent,
  UnknownTelnyxEvent,
  EventOf,
  PayloadOf,
  WebhookErrorCode,
  VerifyWebhookOptions,
  VerifySignatureOptions,
  HeaderSource,
  KeyPair,
  SignWebhookOptions,
  TelnyxSignatureHeaders,
  SignStandardWebhookOptions,
  StandardWebhookHeaders,
} from '@switchboard/core';
export { createWebhookReceiver } from './receiver/create-webhook-receiver.js';
export type {
  WebhookReceiver,
  WebhookReceiverOptions,
  WebhookRequest,
  WebhookResponse,
  IdempotencyOptions,
  ErrorInfo,
} from './receiver/receiver-types.js';
export type { HandlerContext, WebhookHandler, WebhookHandlers } from './receiver/handler-types.js';
export {
  RECEIVER_RESPONSE_CODES,
  RETRY_AFTER_SECONDS,
  type ReceiverResponseCode,
  type AckStatus,
} from './receiver/responses.js';
export type { IdempotencyStore, ReserveOutcome } from './idempotency/idempotency-store.js';
export {
  memoryIdempotencyStore,
  type MemoryIdempotencyStoreOptions,
} from './idempotency/memory-store.js';
export {
  callStateReducer,
  reduceCallState,
  initialCallState,
  type CallState,
  type CallStatus,
  type HangupMark,
  type HoldMark,
  type DtmfMark,
} from './ordering/call-state.js';
export type { CallMark } from './ordering/call-mark.js';
export type { OrderingOptions, OrderingKey } from './ordering/ordering-tracker.js';
export { commandIdFor } from './command-id-for.js';
export {
  verifyTexmlRequest,
  texml,
  TexmlResponse,
  type TexmlParams,
  type VerifyTexmlOptions,
} from './texml/index.js';

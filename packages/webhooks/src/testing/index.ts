// Test helpers live in the core so the server and the CLI sign exactly the same way; this
// subpath gives receiver users one import for them.
export {
  buildTestEvent,
  signTestWebhook,
  generateKeyPair,
  type BuildTestEventOptions,
  type SignTestWebhookOptions,
  type SignedTestWebhook,
  type DeepPartial,
} from '@switchboard/core';

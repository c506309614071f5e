/**
 * Log fields that may hold secrets: API keys, the admin token, private keys and webhook
 * signatures. Pino replaces them wherever they appear at these paths, as a second line of
 * defence behind the rule that request logs carry no headers.
 */
export const REDACT_PATHS: readonly string[] = [
  'authorization',
  '*.authorization',
  '*.headers.authorization',
  '*.headers.cookie',
  '*.headers["x-api-key"]',
  '*.headers["telnyx-signature-ed25519"]',
  '*["telnyx-signature-ed25519"]',
  'apiKey',
  '*.apiKey',
  'api_key',
  '*.api_key',
  'adminToken',
  '*.adminToken',
  'privateKey',
  '*.privateKey',
  'private_key',
  '*.private_key',
  'signature',
  '*.signature',
];

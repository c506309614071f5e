/**
 * Every way a webhook can fail verification. Codes are public API: they are listed in
 * `docs/errors.md`, and a test keeps the two in sync.
 */
export const WEBHOOK_ERROR_CODES = {
  WH_MISSING_HEADER: 'A required signature or timestamp header is missing.',
  WH_MALFORMED_TIMESTAMP: 'The timestamp header is not a whole number of Unix seconds.',
  WH_TIMESTAMP_TOO_OLD: 'The timestamp is older than the tolerance window allows.',
  WH_TIMESTAMP_TOO_NEW: 'The timestamp is further in the future than the tolerance window allows.',
  WH_MALFORMED_SIGNATURE: 'The signature header is not a base64 signature of the expected length.',
  WH_BAD_SIGNATURE: 'No signature matches the body, timestamp and configured keys.',
  WH_BAD_KEY: 'A configured key is missing or not a valid key for the scheme.',
  WH_BODY_PARSED: 'The body was already parsed; verification needs the raw bytes as received.',
  WH_MALFORMED_PAYLOAD: 'The signature is valid but the body is not a JSON webhook envelope.',
} as const;

export type WebhookErrorCode = keyof typeof WEBHOOK_ERROR_CODES;

/** Thrown (or rejected) for every verification failure; match on `code`, never on `message`. */
export class WebhookVerificationError extends Error {
  override readonly name = 'WebhookVerificationError';
  readonly code: WebhookErrorCode;

  constructor(code: WebhookErrorCode, message?: string, options?: ErrorOptions) {
    super(message ?? WEBHOOK_ERROR_CODES[code], options);
    this.code = code;
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    return (
      typeof value === 'object' &&
      value !== null &&
      (value as { name?: unknown }).name === 'WebhookVerificationError' &&
      typeof (value as { code?: unknown }).code === 'string'
    );
  }
}

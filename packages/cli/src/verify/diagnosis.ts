import type { WebhookErrorCode } from '@switchboard/core';

/** What `verify` concluded: the `@switchboard/core` code, the cause in words, and the fix. */
export interface Diagnosis {
  readonly valid: boolean;
  /** The code `verifyWebhook` gives for this webhook; null when it verifies. */
  readonly code: WebhookErrorCode | null;
  /** A stable name of the diagnosed cause, e.g. `reserialised_body`. */
  readonly cause: string;
  readonly detail: string;
  readonly fix: string;
}

/** A failed check with its cause and fix. */
export function failure(
  code: WebhookErrorCode,
  cause: string,
  detail: string,
  fix: string,
): Diagnosis {
  return { valid: false, code, cause, detail, fix };
}

import type { AttemptOutcome, FollowedRedirect } from './attempt-outcome.js';
import { DELIVERY_ERROR_CODES, type DeliveryErrorCode } from './delivery-error-codes.js';

const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NONAME', 'EAI_NODATA']);
const TIMEOUT_CODES = new Set([
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'ETIMEDOUT',
]);
const URL_CODES = new Set(['UND_ERR_INVALID_ARG', 'ERR_INVALID_URL']);
const TLS_PATTERN =
  /^(ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_|HOSTNAME_MISMATCH)/;

/**
 * Maps an error thrown by one HTTP try to its outcome. Network faults are retryable: the
 * receiver may be back next round. A URL that cannot be requested at all is final.
 */
export function classifyError(
  error: unknown,
  redirects: readonly FollowedRedirect[],
): AttemptOutcome {
  const code = errorCode(error);
  const reason = describe(error, code);
  // Another round would resolve to the same forbidden address: the refusal is final.
  if (code === 'SB_EGRESS_REFUSED') {
    const final = DELIVERY_ERROR_CODES.egressRefused;
    return { kind: 'final', code: final, reason, response: null, redirects };
  }
  if (URL_CODES.has(code)) {
    return {
      kind: 'final',
      code: DELIVERY_ERROR_CODES.invalidUrl,
      reason,
      response: null,
      redirects,
    };
  }
  return {
    kind: 'retryable',
    code: deliveryCode(code),
    reason,
    retryAfterMs: null,
    response: null,
    redirects,
  };
}

/** The outcome of a try cut short by its own timer. */
export function timeoutOutcome(
  timeoutMs: number,
  redirects: readonly FollowedRedirect[],
): AttemptOutcome {
  const reason = `no complete reply within ${timeoutMs} ms`;
  return {
    kind: 'retryable',
    code: DELIVERY_ERROR_CODES.timeout,
    reason,
    retryAfterMs: null,
    response: null,
    redirects,
  };
}

function deliveryCode(code: string): DeliveryErrorCode {
  if (DNS_CODES.has(code)) return DELIVERY_ERROR_CODES.dnsFailure;
  if (TIMEOUT_CODES.has(code)) return DELIVERY_ERROR_CODES.timeout;
  if (TLS_PATTERN.test(code)) return DELIVERY_ERROR_CODES.tlsFailure;
  return DELIVERY_ERROR_CODES.connectionFailed;
}

/** How far down a chain of causes a code is looked for; a cycle of causes ends here too. */
const MAX_CAUSE_DEPTH = 8;

/** Node nests the real cause: undici wraps it, happy-eyeballs aggregates one per address. */
function errorCode(error: unknown, depth = 0): string {
  if (typeof error !== 'object' || error === null || depth > MAX_CAUSE_DEPTH) return '';
  const record = error as { code?: unknown; cause?: unknown; errors?: unknown };
  if (typeof record.code === 'string' && record.code !== 'UND_ERR_SOCKET') return record.code;
  if (record.cause !== undefined) {
    return errorCode(record.cause, depth + 1) || stringCode(record.code);
  }
  if (Array.isArray(record.errors) && record.errors.length > 0) {
    return errorCode(record.errors[0], depth + 1);
  }
  return stringCode(record.code);
}

function stringCode(code: unknown): string {
  return typeof code === 'string' ? code : '';
}

function describe(error: unknown, code: string): string {
  const message = error instanceof Error ? error.message : String(error);
  const text = message === '' ? code : message;
  return code === '' || text.includes(code) ? text : `${code}: ${text}`;
}

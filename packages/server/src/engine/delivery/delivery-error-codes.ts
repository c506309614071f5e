/**
 * Telnyx webhook delivery error codes recorded on attempts (`errors: number[]`).
 *
 * 75001 and 75499 come from the examples in Telnyx's OpenAPI spec. Telnyx publishes no others,
 * so 75002–75009 are Switchboard's own, chosen in the same range (see docs/delivery.md).
 */
export const DELIVERY_ERROR_CODES = {
  /** The host name did not resolve. */
  dnsFailure: 75001,
  /** The connection was refused, reset or closed before a reply. */
  connectionFailed: 75002,
  /** No complete reply within the try's timeout (connect + headers + body). */
  timeout: 75003,
  /** More than 3 redirects in one try. */
  tooManyRedirects: 75004,
  /** The TLS handshake failed (bad or untrusted certificate, protocol mismatch). */
  tlsFailure: 75005,
  /** The URL cannot be requested at all (bad scheme, malformed). */
  invalidUrl: 75006,
  /** `--egress public-only` refused the target's address (private, loopback, metadata…). */
  egressRefused: 75007,
  /** Counted as failed by a chaos profile's `fail_first`; nothing was sent (docs/chaos.md). */
  chaosFailure: 75008,
  /**
   * Switchboard could not prepare, sign, send or record the try: a stored row it cannot read, a
   * signing key it cannot use, or a fault of its own. Nothing reached the receiver in this try
   * (docs/errors.md).
   */
  internalFault: 75009,
  /** A reply that is not 2xx. */
  httpFailure: 75499,
} as const;

export type DeliveryErrorCode = (typeof DELIVERY_ERROR_CODES)[keyof typeof DELIVERY_ERROR_CODES];

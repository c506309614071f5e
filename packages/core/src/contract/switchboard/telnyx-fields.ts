import Type from 'typebox';
import { ERROR_CODE, EXPECTED, HTTP_URL, HTTP_URL_OR_EMPTY } from '../fields.js';

/** `+` then 2–15 digits, the first not zero (ITU-T E.164). */
export const E164_PATTERN = '^\\+[1-9]\\d{1,14}$';

/** A +E.164 phone number; anything else is Telnyx's 10016. */
export function E164(options: { readonly description?: string } = {}) {
  return Type.String({
    pattern: E164_PATTERN,
    [ERROR_CODE]: { code: '10016', title: 'Phone number must be in +E.164 format' },
    [EXPECTED]: 'in +E.164 format',
    ...options,
  });
}

/**
 * A webhook or media URL as the messaging and number APIs take it: absolute http(s), or `""`
 * for "none"; anything else is Telnyx's 10003.
 */
export function WebhookUrl(options: { readonly description?: string } = {}) {
  return Type.String({
    format: HTTP_URL_OR_EMPTY,
    [ERROR_CODE]: { code: '10003', title: 'Invalid URL' },
    [EXPECTED]: 'an absolute URL with a scheme, such as https',
    ...options,
  });
}

/** A media URL: absolute http(s), never blank (10003 otherwise). */
export function MediaUrl() {
  return Type.String({
    format: HTTP_URL,
    [ERROR_CODE]: { code: '10003', title: 'Invalid URL' },
    [EXPECTED]: 'an absolute URL with a scheme, such as https',
  });
}

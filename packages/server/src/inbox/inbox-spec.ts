import type { Check } from '../api/validation/field-checks.js';
import { integer, nullable, oneOf, string } from '../api/validation/field-checks.js';
import { fail, ok } from '../api/validation/checked.js';
import { invalidIssue } from '../api/validation/issues.js';
import type { ObjectSpec } from '../api/validation/object-spec.js';
import { decodeRawKey } from '@switchboard/core';

/** Longest a relayed request may be held: beyond Telnyx's own timeouts anyway. */
export const MAX_RELAY_TIMEOUT_SECS = 300;

/** What `POST /switchboard/inboxes` and `PATCH …/{id}` accept. */
export const INBOX_SPEC: ObjectSpec = {
  name: { check: nullable(string({ maxLength: 255 })), default: null },
  telnyx_public_key: { check: nullable(publicKey()), default: null },
  respond: { check: oneOf(['immediate', 'relay']), default: 'immediate' },
  relay_timeout_secs: { check: integer(1, MAX_RELAY_TIMEOUT_SECS), default: 30 },
  rate_limit_per_minute: { check: nullable(integer(1, 1_000_000)), default: null },
};

/** A base64 raw 32-byte Ed25519 public key, as the Telnyx portal shows it. */
function publicKey(): Check<string> {
  return (value, pointer) => {
    if (typeof value !== 'string') return fail(invalidIssue({ pointer }, 'a string'));
    try {
      decodeRawKey(value, 'whpk_');
      return ok(value);
    } catch {
      return fail(invalidIssue({ pointer }, 'a base64 Ed25519 public key of 32 bytes'));
    }
  };
}

import {
  arrayOf,
  boolean,
  integer,
  nullable,
  oneOf,
  string,
  url,
} from '../../api/validation/field-checks.js';
import type { ObjectSpec } from '../../api/validation/object-spec.js';
import { CALL_CONTROL_APPLICATION_SPEC as CALL_CONTROL } from '../../api/call-control-applications/call-control-application-spec.js';

export { TEXML_APPLICATION_KIND } from '../../resource-kinds.js';

/** The spec's methods are lower-case on applications (`get`, `post`). */
const METHOD = oneOf(['get', 'post']);

/**
 * The writable fields of a Telnyx `TexmlApplication` with the spec's defaults. The connection
 * settings it shares with call control applications (anchorsite, DTMF, first command timeout,
 * inbound, outbound, tags) are checked the same way.
 */
export const TEXML_APPLICATION_SPEC: ObjectSpec = {
  friendly_name: { check: string({ maxLength: 255 }), required: true },
  voice_url: { check: url(), required: true },
  voice_method: { check: METHOD, default: 'post' },
  voice_fallback_url: { check: nullable(url({ allowEmpty: true })), default: null },
  status_callback: { check: nullable(url({ allowEmpty: true })), default: null },
  status_callback_method: { check: METHOD, default: 'post' },
  active: { check: boolean(), default: true },
  anchorsite_override: shared('anchorsite_override'),
  dtmf_type: shared('dtmf_type'),
  first_command_timeout: shared('first_command_timeout'),
  first_command_timeout_secs: { check: integer(0, 3600), default: 30 },
  call_cost_in_webhooks: { check: boolean(), default: false },
  inbound: shared('inbound'),
  outbound: shared('outbound'),
  tags: { check: arrayOf(string({ maxLength: 255 })), default: [] },
};

function shared(name: string): ObjectSpec[string] {
  const field = CALL_CONTROL[name];
  if (field === undefined) throw new Error(`call control applications have no ${name}`);
  return field;
}

/** Outgoing requests use upper-case methods; the application stores them lower-case. */
export function requestMethod(value: unknown): 'GET' | 'POST' {
  return typeof value === 'string' && value.toUpperCase() === 'GET' ? 'GET' : 'POST';
}

/** Where an application's calls get their first document: `voice_url`, its method and fallback. */
export function voiceSettings(data: Readonly<Record<string, unknown>>): {
  readonly target: { readonly url: string; readonly method: 'GET' | 'POST' };
  readonly fallbackUrl: string | null;
} {
  const url = data['voice_url'];
  const fallback = data['voice_fallback_url'];
  return {
    target: {
      url: typeof url === 'string' ? url : '',
      method: requestMethod(data['voice_method']),
    },
    fallbackUrl: typeof fallback === 'string' && fallback !== '' ? fallback : null,
  };
}

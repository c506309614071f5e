import { boolean, integer, nullable, oneOf, string } from '../validation/field-checks.js';
import type { ObjectSpec } from '../validation/object-spec.js';

/** Store kind of call control applications. */
export { CALL_CONTROL_APPLICATION_KIND } from '../../resource-kinds.js';

const ANCHORSITES = [
  'Latency',
  'Chicago, IL',
  'Ashburn, VA',
  'San Jose, CA',
  'London, UK',
  'Chennai, IN',
  'Amsterdam, Netherlands',
  'Toronto, Canada',
  'Sydney, Australia',
] as const;

const INBOUND: ObjectSpec = {
  channel_limit: { check: nullable(integer(0)), default: null },
  shaken_stir_enabled: { check: boolean(), default: false },
  sip_subdomain: { check: nullable(string({ maxLength: 255 })), default: null },
  sip_subdomain_receive_settings: {
    check: oneOf(['only_my_connections', 'from_anyone']),
    default: 'from_anyone',
  },
};

const OUTBOUND: ObjectSpec = {
  channel_limit: { check: nullable(integer(0)), default: null },
  outbound_voice_profile_id: { check: nullable(string({ maxLength: 255 })), default: null },
};

/**
 * The connection settings TeXML applications share with call control applications, in the old
 * `ObjectSpec` style. Only `emulator/texml/texml-application-spec.ts` still reads it, until its
 * routes are declared; the call control application routes use the declarations in
 * `@switchboard/core/contract` (`CreateCallControlApplication`, `ConnectionInbound`, …).
 */
export const CALL_CONTROL_APPLICATION_SPEC: ObjectSpec = {
  anchorsite_override: { check: oneOf(ANCHORSITES), default: 'Latency' },
  dtmf_type: { check: oneOf(['RFC 2833', 'Inband', 'SIP INFO']), default: 'RFC 2833' },
  first_command_timeout: { check: boolean(), default: false },
  inbound: { nested: INBOUND },
  outbound: { nested: OUTBOUND },
};

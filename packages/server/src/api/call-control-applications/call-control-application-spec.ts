import {
  arrayOf,
  boolean,
  integer,
  nullable,
  oneOf,
  string,
  url,
} from '../validation/field-checks.js';
import { chaosCheck } from '../../delivery/chaos/chaos-check.js';
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
 * The writable fields of a Telnyx `CallControlApplication`, with Telnyx's defaults, except
 * `webhook_api_version`, which defaults to "2" here (docs/decisions.md).
 */
export const CALL_CONTROL_APPLICATION_SPEC: ObjectSpec = {
  application_name: { check: string({ maxLength: 255 }), required: true },
  webhook_event_url: { check: url(), required: true },
  webhook_event_failover_url: { check: nullable(url({ allowEmpty: true })), default: '' },
  webhook_api_version: { check: oneOf(['1', '2']), default: '2' },
  webhook_timeout_secs: { check: nullable(integer(0, 30)), default: null },
  active: { check: boolean(), default: true },
  anchorsite_override: { check: oneOf(ANCHORSITES), default: 'Latency' },
  dtmf_type: { check: oneOf(['RFC 2833', 'Inband', 'SIP INFO']), default: 'RFC 2833' },
  first_command_timeout: { check: boolean(), default: false },
  first_command_timeout_secs: { check: integer(0, 3600), default: 30 },
  call_cost_in_webhooks: { check: boolean(), default: false },
  redact_dtmf_debug_logging: { check: boolean(), default: false },
  inbound: { nested: INBOUND },
  outbound: { nested: OUTBOUND },
  tags: { check: arrayOf(string({ maxLength: 255 })), default: [] },
  /** Switchboard's fault injection for this application's webhooks (docs/chaos.md). */
  switchboard_chaos: { check: chaosCheck() },
};

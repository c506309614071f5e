import Type, { type Static, type TSchema } from 'typebox';
import { ChaosProfile } from '../chaos-profile.js';
import { EXPECTED, HttpUrl, Int, Nullable, OneOf, Text } from '../fields.js';
import { IdParams, PageMeta, PageQueryMembers } from './common.js';

export const ANCHORSITES = [
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

export const DTMF_TYPES = ['RFC 2833', 'Inband', 'SIP INFO'] as const;

/** `default: value` when declaring a create body, nothing for a patch (absent stays absent). */
type Defaults = <T>(value: T) => { default?: T };
const withDefaults: Defaults = (value) => ({ default: value });
const noDefaults: Defaults = () => ({});

function inboundMembers(or: Defaults) {
  return {
    channel_limit: Type.Optional(Nullable(Int(0, Number.MAX_SAFE_INTEGER), or(null))),
    shaken_stir_enabled: Type.Optional(Type.Boolean(or(false))),
    sip_subdomain: Type.Optional(Nullable(Text({ maxLength: 255 }), or(null))),
    sip_subdomain_receive_settings: Type.Optional(
      OneOf(['only_my_connections', 'from_anyone'], or('from_anyone' as const)),
    ),
  };
}

function outboundMembers(or: Defaults) {
  return {
    channel_limit: Type.Optional(Nullable(Int(0, Number.MAX_SAFE_INTEGER), or(null))),
    outbound_voice_profile_id: Type.Optional(Nullable(Text({ maxLength: 255 }), or(null))),
  };
}

/** The inbound settings of a connection; on create, absent members take their defaults. */
export const ConnectionInbound = Type.Object(inboundMembers(withDefaults));
/** The outbound settings of a connection; on create, absent members take their defaults. */
export const ConnectionOutbound = Type.Object(outboundMembers(withDefaults));
/** The same, in a patch: only the members given change. */
export const ConnectionInboundPatch = Type.Object(inboundMembers(noDefaults));
export const ConnectionOutboundPatch = Type.Object(outboundMembers(noDefaults));

export const INBOUND_DEFAULTS = {
  channel_limit: null,
  shaken_stir_enabled: false,
  sip_subdomain: null,
  sip_subdomain_receive_settings: 'from_anyone',
};

export const OUTBOUND_DEFAULTS = { channel_limit: null, outbound_voice_profile_id: null };

function optionalMembers<I extends TSchema, O extends TSchema>(
  or: Defaults,
  inbound: I,
  outbound: O,
) {
  return {
    webhook_event_failover_url: Type.Optional(Nullable(HttpUrl({ allowEmpty: true }), or(''))),
    webhook_api_version: Type.Optional(OneOf(['1', '2'], or('2' as const))),
    webhook_timeout_secs: Type.Optional(Nullable(Int(0, 30), or(null))),
    active: Type.Optional(Type.Boolean(or(true))),
    anchorsite_override: Type.Optional(OneOf([...ANCHORSITES], or('Latency' as const))),
    dtmf_type: Type.Optional(OneOf([...DTMF_TYPES], or('RFC 2833' as const))),
    first_command_timeout: Type.Optional(Type.Boolean(or(false))),
    first_command_timeout_secs: Type.Optional(Int(0, 3600, or(30))),
    call_cost_in_webhooks: Type.Optional(Type.Boolean(or(false))),
    redact_dtmf_debug_logging: Type.Optional(Type.Boolean(or(false))),
    inbound: Type.Optional(inbound),
    outbound: Type.Optional(outbound),
    tags: Type.Optional(Type.Array(Text({ maxLength: 255 }), or([]))),
    /** Switchboard's fault injection for this application's webhooks (docs/chaos.md). */
    switchboard_chaos: Type.Optional(Nullable(ChaosProfile)),
  };
}

/**
 * `POST /v2/call_control_applications`: the writable fields of a Telnyx
 * `CallControlApplication`, with Telnyx's defaults, except `webhook_api_version`, which
 * defaults to "2" here (docs/decisions.md). Unknown members are ignored, as Telnyx ignores them.
 */
export const CreateCallControlApplication = Type.Object({
  application_name: Text({ maxLength: 255 }),
  webhook_event_url: HttpUrl(),
  ...optionalMembers(
    withDefaults,
    { ...ConnectionInbound, default: INBOUND_DEFAULTS },
    { ...ConnectionOutbound, default: OUTBOUND_DEFAULTS },
  ),
});

/** `PATCH /v2/call_control_applications/{id}`: members given replace; `inbound`/`outbound` merge. */
export const UpdateCallControlApplication = Type.Object({
  application_name: Type.Optional(Text({ maxLength: 255 })),
  webhook_event_url: Type.Optional(HttpUrl()),
  ...optionalMembers(noDefaults, ConnectionInboundPatch, ConnectionOutboundPatch),
});

/** A stored call control application, which is also how the API shows it. */
export const CallControlApplication = Type.Object({
  id: Type.String(),
  record_type: Type.Literal('call_control_application'),
  application_name: Type.String(),
  webhook_event_url: Type.String(),
  webhook_event_failover_url: Nullable(Type.String()),
  webhook_api_version: OneOf(['1', '2']),
  webhook_timeout_secs: Nullable(Type.Integer()),
  active: Type.Boolean(),
  anchorsite_override: Type.String(),
  dtmf_type: Type.String(),
  first_command_timeout: Type.Boolean(),
  first_command_timeout_secs: Type.Integer(),
  call_cost_in_webhooks: Type.Boolean(),
  redact_dtmf_debug_logging: Type.Boolean(),
  inbound: Type.Object({
    channel_limit: Nullable(Type.Integer()),
    shaken_stir_enabled: Type.Boolean(),
    sip_subdomain: Nullable(Type.String()),
    sip_subdomain_receive_settings: Type.String(),
  }),
  outbound: Type.Object({
    channel_limit: Nullable(Type.Integer()),
    outbound_voice_profile_id: Nullable(Type.String()),
  }),
  tags: Type.Array(Type.String()),
  switchboard_chaos: Type.Optional(Nullable(ChaosProfile)),
  created_at: Type.String(),
  updated_at: Type.String(),
});

/** The list's orders; `-` sorts descending. */
export const APPLICATION_SORTS = [
  'created_at',
  '-created_at',
  'connection_name',
  '-connection_name',
  'active',
  '-active',
] as const;

/** `GET /v2/call_control_applications`: Telnyx's filters and sort, plus its page parameters. */
export const CallControlApplicationListQuery = Type.Object({
  ...PageQueryMembers,
  'filter[application_name][contains]': Type.Optional(
    Type.String({ pattern: '^[\\s\\S]{3}', [EXPECTED]: 'at least 3 characters long' }),
  ),
  'filter[outbound.outbound_voice_profile_id]': Type.Optional(Type.String()),
  'filter[outbound_voice_profile_id]': Type.Optional(Type.String()),
  sort: Type.Optional(OneOf([...APPLICATION_SORTS], { default: '-created_at' })),
});

export const CallControlApplicationResponse = Type.Object({ data: CallControlApplication });
export const CallControlApplicationList = Type.Object({
  data: Type.Array(CallControlApplication),
  meta: PageMeta,
});

/** The call control application routes, for clients to derive typed calls from. */
export const callControlApplicationRoutes = {
  listCallControlApplications: {
    method: 'GET',
    url: '/v2/call_control_applications',
    querystring: CallControlApplicationListQuery,
    response: CallControlApplicationList,
  },
  createCallControlApplication: {
    method: 'POST',
    url: '/v2/call_control_applications',
    body: CreateCallControlApplication,
    response: CallControlApplicationResponse,
  },
  getCallControlApplication: {
    method: 'GET',
    url: '/v2/call_control_applications/:id',
    params: IdParams,
    response: CallControlApplicationResponse,
  },
  updateCallControlApplication: {
    method: 'PATCH',
    url: '/v2/call_control_applications/:id',
    params: IdParams,
    body: UpdateCallControlApplication,
    response: CallControlApplicationResponse,
  },
  deleteCallControlApplication: {
    method: 'DELETE',
    url: '/v2/call_control_applications/:id',
    params: IdParams,
    response: CallControlApplicationResponse,
  },
} as const;

export type CreateCallControlApplication = Static<typeof CreateCallControlApplication>;
export type UpdateCallControlApplication = Static<typeof UpdateCallControlApplication>;
export type CallControlApplication = Static<typeof CallControlApplication>;
export type CallControlApplicationListQuery = Static<typeof CallControlApplicationListQuery>;

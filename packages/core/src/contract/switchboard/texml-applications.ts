import Type, { type Static, type TProperties } from 'typebox';
import { DateTime, EXPECTED, HttpUrl, Int, Nullable, OneOf, Text } from '../fields.js';
import type { RouteTable } from '../route-spec.js';
import { ANCHORSITES, DTMF_TYPES } from './call-control-applications.js';
import { PageMeta } from './common.js';

/** The spec's methods are lower-case on applications (`get`, `post`). */
const METHODS = ['get', 'post'] as const;

const INBOUND_DEFAULTS = {
  channel_limit: null,
  shaken_stir_enabled: false,
  sip_subdomain: null,
  sip_subdomain_receive_settings: 'from_anyone',
};
const OUTBOUND_DEFAULTS = { channel_limit: null, outbound_voice_profile_id: null };

/**
 * The writable members of a Telnyx `TexmlApplication` with the spec's defaults; `create` makes
 * the named ones required and fills defaults, `patch` takes any subset and fills nothing.
 */
function writable(mode: 'create' | 'patch') {
  const create = mode === 'create';
  const opt = <T extends Parameters<typeof Type.Optional>[0]>(schema: T) => Type.Optional(schema);
  const withDefault = <V>(value: V) => (create ? { default: value } : {});
  const channelLimit = Nullable(Type.Integer({ minimum: 0 }), withDefault(null));
  const nameOrNull = Nullable(Text({ maxLength: 255 }), withDefault(null));
  const inbound = {
    channel_limit: opt(channelLimit),
    shaken_stir_enabled: opt(Type.Boolean(withDefault(false))),
    sip_subdomain: opt(nameOrNull),
    sip_subdomain_receive_settings: opt(
      OneOf(['only_my_connections', 'from_anyone'], withDefault('from_anyone' as const)),
    ),
  };
  const outbound = { channel_limit: opt(channelLimit), outbound_voice_profile_id: opt(nameOrNull) };
  const urlOrNull = Nullable(HttpUrl({ allowEmpty: true }), withDefault(null));
  const properties = {
    friendly_name: create ? Text({ maxLength: 255 }) : opt(Text({ maxLength: 255 })),
    voice_url: create ? HttpUrl() : opt(HttpUrl()),
    voice_method: opt(OneOf(METHODS, withDefault('post' as const))),
    voice_fallback_url: opt(urlOrNull),
    status_callback: opt(urlOrNull),
    status_callback_method: opt(OneOf(METHODS, withDefault('post' as const))),
    active: opt(Type.Boolean(withDefault(true))),
    anchorsite_override: opt(OneOf(ANCHORSITES, withDefault('Latency' as const))),
    dtmf_type: opt(OneOf(DTMF_TYPES, withDefault('RFC 2833' as const))),
    first_command_timeout: opt(Type.Boolean(withDefault(false))),
    first_command_timeout_secs: opt(Int(0, 3600, withDefault(30))),
    call_cost_in_webhooks: opt(Type.Boolean(withDefault(false))),
    inbound: opt(
      Type.Object(inbound, {
        ...withDefault(INBOUND_DEFAULTS),
        [EXPECTED]: 'a JSON object',
      }),
    ),
    outbound: opt(
      Type.Object(outbound, {
        ...withDefault(OUTBOUND_DEFAULTS),
        [EXPECTED]: 'a JSON object',
      }),
    ),
    tags: opt(Type.Array(Text({ maxLength: 255 }), withDefault([]))),
  } satisfies TProperties;
  return properties;
}

/** `POST /v2/texml_applications`. */
export const CreateTexmlApplication = Type.Object(writable('create'));
/** `PATCH /v2/texml_applications/{id}`: nested objects merge one level deep. */
export const UpdateTexmlApplication = Type.Object(writable('patch'));

export type CreateTexmlApplication = Static<typeof CreateTexmlApplication>;
export type UpdateTexmlApplication = Static<typeof UpdateTexmlApplication>;

/** A TeXML application as stored and as the API shows it. */
export const TexmlApplication = Type.Object({
  id: Type.String(),
  record_type: Type.Literal('texml_application'),
  friendly_name: Type.String(),
  voice_url: Type.String(),
  voice_method: OneOf(METHODS),
  voice_fallback_url: Nullable(Type.String()),
  status_callback: Nullable(Type.String()),
  status_callback_method: OneOf(METHODS),
  active: Type.Boolean(),
  anchorsite_override: OneOf(ANCHORSITES),
  dtmf_type: OneOf(DTMF_TYPES),
  first_command_timeout: Type.Boolean(),
  first_command_timeout_secs: Type.Integer(),
  call_cost_in_webhooks: Type.Boolean(),
  inbound: Type.Object({
    channel_limit: Nullable(Type.Integer()),
    shaken_stir_enabled: Type.Boolean(),
    sip_subdomain: Nullable(Type.String()),
    sip_subdomain_receive_settings: OneOf(['only_my_connections', 'from_anyone']),
  }),
  outbound: Type.Object({
    channel_limit: Nullable(Type.Integer()),
    outbound_voice_profile_id: Nullable(Type.String()),
  }),
  tags: Type.Array(Type.String()),
  created_at: DateTime(),
  updated_at: DateTime(),
});
export type TexmlApplication = Static<typeof TexmlApplication>;

export const TexmlApplicationResponse = Type.Object({ data: TexmlApplication });

export const TexmlApplicationList = Type.Object({
  data: Type.Array(TexmlApplication),
  meta: PageMeta,
});

/** `GET /v2/texml_applications`: page, filters and order. */
export const TexmlApplicationQuery = Type.Object({
  'page[number]': Type.Optional(
    Type.Integer({
      minimum: 1,
      maximum: Number.MAX_SAFE_INTEGER,
      default: 1,
      [EXPECTED]: 'a positive integer',
    }),
  ),
  'page[size]': Type.Optional(
    Type.Integer({ minimum: 1, maximum: 250, default: 20, [EXPECTED]: 'a positive integer' }),
  ),
  'filter[friendly_name]': Type.Optional(Type.String()),
  'filter[outbound_voice_profile_id]': Type.Optional(Type.String()),
  sort: Type.Optional(
    OneOf(
      [
        'created_at',
        '-created_at',
        'friendly_name',
        '-friendly_name',
        'active',
        '-active',
      ] as const,
      { default: 'created_at' },
    ),
  ),
});
export type TexmlApplicationQuery = Static<typeof TexmlApplicationQuery>;

/** The TeXML application routes the CLI calls (`switchboard texml-applications`). */
export const texmlApplicationRoutes = {
  listTexmlApplications: {
    method: 'GET',
    url: '/v2/texml_applications',
    querystring: TexmlApplicationQuery,
    response: TexmlApplicationList,
  },
  createTexmlApplication: {
    method: 'POST',
    url: '/v2/texml_applications',
    body: CreateTexmlApplication,
    response: TexmlApplicationResponse,
  },
} as const satisfies RouteTable;

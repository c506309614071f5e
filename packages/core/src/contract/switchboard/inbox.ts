import Type, { type Static } from 'typebox';
import { DateTime, EXPECTED, HttpUrl, Int, LENIENT, Nullable, OneOf, Text } from '../fields.js';
import { HeaderPairs, HeaderPairsOf, IdParams, PageMeta, PageQueryMembers } from './common.js';

/** Longest a relayed request may be held: beyond Telnyx's own timeouts anyway. */
export const MAX_RELAY_TIMEOUT_SECS = 300;

/** A base64 raw 32-byte Ed25519 public key, as the Telnyx portal shows it (`whpk_` prefix allowed). */
export const TelnyxPublicKey = Type.String({
  pattern: '^(whpk_)?\\s*[A-Za-z0-9+/]{43}=\\s*$',
  [EXPECTED]: 'a base64 Ed25519 public key of 32 bytes',
});

function inboxMembers(defaults: boolean) {
  const or = <T>(value: T) => (defaults ? { default: value } : {});
  return {
    name: Type.Optional(Type.Union([Text({ maxLength: 255 }), Type.Null()], or(null))),
    telnyx_public_key: Type.Optional(Type.Union([TelnyxPublicKey, Type.Null()], or(null))),
    respond: Type.Optional(OneOf(['immediate', 'relay'], or('immediate' as const))),
    relay_timeout_secs: Type.Optional(Int(1, MAX_RELAY_TIMEOUT_SECS, or(30))),
    rate_limit_per_minute: Type.Optional(Type.Union([Int(1, 1_000_000), Type.Null()], or(null))),
  };
}

/** `POST /switchboard/inboxes`: every setting has a default, so `{}` (or no body) makes an inbox. */
export const CreateInbox = Type.Object(inboxMembers(true), { [LENIENT]: true });

/** `PATCH /switchboard/inboxes/{id}`: changes only the members it names. */
export const UpdateInbox = Type.Object(inboxMembers(false), { [LENIENT]: true });

/** An inbox's stored settings (the resource's data); the token is set when it is made. */
export const StoredInbox = Type.Object({
  name: Nullable(Type.String()),
  token: Type.String(),
  telnyx_public_key: Nullable(Type.String()),
  respond: OneOf(['immediate', 'relay']),
  relay_timeout_secs: Type.Integer(),
  rate_limit_per_minute: Nullable(Type.Integer()),
});

/** An inbox as the API shows it, with the URL senders post to. */
export const InboxView = Type.Object({
  record_type: Type.Literal('inbox'),
  id: Type.String(),
  name: Nullable(Type.String()),
  token: Type.String(),
  url: Type.String(),
  telnyx_public_key: Nullable(Type.String()),
  respond: OneOf(['immediate', 'relay']),
  relay_timeout_secs: Type.Integer(),
  rate_limit_per_minute: Nullable(Type.Integer()),
  created_at: Type.String(),
  updated_at: Type.String(),
});

export const InboxResponse = Type.Object({ data: InboxView });
export const InboxList = Type.Object({ data: Type.Array(InboxView), meta: PageMeta });

/** One local-app response that `switchboard listen` reported, or the error it met instead. */
export const ForwardAttemptView = Type.Object({
  id: Type.String(),
  url: Type.String(),
  status: Nullable(Type.Integer()),
  headers: HeaderPairs,
  body: Type.String(),
  latency_ms: Type.Number(),
  error: Nullable(Type.String()),
  final: Type.Boolean(),
  reported_at: Type.String(),
});

export const ForwardAttemptResponse = Type.Object({ data: ForwardAttemptView });

/** `POST /switchboard/captures/{id}/forward_attempts`: what a listener reports. */
export const ReportForwardAttempt = Type.Object({
  url: HttpUrl(),
  status: Type.Optional(Type.Union([Int(200, 599), Type.Null()], { default: null })),
  headers: Type.Optional(HeaderPairsOf({ default: [] })),
  body: Type.Optional(Text({ allowBlank: true, default: '' })),
  latency_ms: Type.Optional(
    Type.Number({ minimum: 0, default: 0, [EXPECTED]: 'a number of milliseconds, 0 or more' }),
  ),
  error: Type.Optional(Type.Union([Text({ maxLength: 2000 }), Type.Null()], { default: null })),
  final: Type.Optional(Type.Boolean({ default: true })),
});

/**
 * One raw request received on an inbox URL. The body is always given as base64, which is exact
 * for any bytes, and also as text when it is valid UTF-8.
 */
export const CaptureView = Type.Object({
  record_type: Type.Literal('capture'),
  id: Type.String(),
  sequence: Type.Integer(),
  inbox_id: Type.String(),
  method: Type.String(),
  path: Type.String(),
  query: Type.String(),
  headers: HeaderPairs,
  body_base64: Type.String(),
  body_utf8: Nullable(Type.String()),
  body_size: Type.Integer(),
  remote_address: Type.String(),
  received_at: Type.String(),
  event_type: Nullable(Type.String()),
  /** Null when the inbox has no public key. */
  verified: Nullable(Type.Boolean()),
  /** The `WH_*` code of a failed check. */
  verification_error: Nullable(Type.String()),
  forward_attempts: Type.Array(ForwardAttemptView),
});

export const CaptureResponse = Type.Object({ data: CaptureView });
export const CaptureList = Type.Object({ data: Type.Array(CaptureView), meta: PageMeta });

/** `GET /switchboard/inboxes/{id}/captures`. */
export const CaptureListQuery = Type.Object({
  ...PageQueryMembers,
  'filter[event_type]': Type.Optional(Type.String({ description: 'Comma-separated event types' })),
  'filter[verified]': Type.Optional(OneOf(['true', 'false'])),
  'filter[received_at][gte]': Type.Optional(DateTime()),
  'filter[received_at][lte]': Type.Optional(DateTime()),
});

/** `GET /switchboard/inboxes/stream`: which captures to stream, and from where. */
export const CaptureStreamQuery = Type.Object({
  inbox: Type.Optional(Type.String({ description: 'Only this inbox' })),
  cursor: Type.Optional(
    Type.Integer({
      minimum: 0,
      maximum: 999_999_999_999_999,
      [EXPECTED]: 'a capture sequence number (0 or more)',
      description: 'Stream captures after this sequence; Last-Event-ID wins over it',
    }),
  ),
  events: Type.Optional(Type.String({ description: 'Comma-separated event types' })),
});

/** `POST /switchboard/sign`: the bytes to sign, as text (`body`) or base64 (`body_base64`). */
export const SignRequest = Type.Object({
  body: Type.Optional(Type.String({ [EXPECTED]: 'a string (or give body_base64 instead)' })),
  body_base64: Type.Optional(Type.String()),
  timestamp: Type.Optional(
    Type.Integer({
      minimum: 1,
      maximum: Number.MAX_SAFE_INTEGER,
      [EXPECTED]: 'whole Unix seconds, greater than 0',
      description: 'Unix seconds; default now',
    }),
  ),
});

/** The Telnyx signature headers of the bytes. */
export const SignResponse = Type.Object({
  data: Type.Object({ headers: Type.Record(Type.String(), Type.String()) }),
});

/** The inbox routes, for clients to derive typed calls from. */
export const inboxRoutes = {
  createInbox: {
    method: 'POST',
    url: '/switchboard/inboxes',
    body: CreateInbox,
    response: InboxResponse,
  },
  listInboxes: {
    method: 'GET',
    url: '/switchboard/inboxes',
    querystring: Type.Object(PageQueryMembers),
    response: InboxList,
  },
  getInbox: {
    method: 'GET',
    url: '/switchboard/inboxes/:id',
    params: IdParams,
    response: InboxResponse,
  },
  updateInbox: {
    method: 'PATCH',
    url: '/switchboard/inboxes/:id',
    params: IdParams,
    body: UpdateInbox,
    response: InboxResponse,
  },
  deleteInbox: {
    method: 'DELETE',
    url: '/switchboard/inboxes/:id',
    params: IdParams,
    response: InboxResponse,
  },
  listCaptures: {
    method: 'GET',
    url: '/switchboard/inboxes/:id/captures',
    params: IdParams,
    querystring: CaptureListQuery,
    response: CaptureList,
  },
  getCapture: {
    method: 'GET',
    url: '/switchboard/captures/:id',
    params: IdParams,
    response: CaptureResponse,
  },
  reportForwardAttempt: {
    method: 'POST',
    url: '/switchboard/captures/:id/forward_attempts',
    params: IdParams,
    body: ReportForwardAttempt,
    response: ForwardAttemptResponse,
  },
  streamCaptures: {
    method: 'GET',
    url: '/switchboard/inboxes/stream',
    querystring: CaptureStreamQuery,
  },
  sign: { method: 'POST', url: '/switchboard/sign', body: SignRequest, response: SignResponse },
} as const;

export type CreateInbox = Static<typeof CreateInbox>;
export type UpdateInbox = Static<typeof UpdateInbox>;
export type StoredInbox = Static<typeof StoredInbox>;
export type InboxView = Static<typeof InboxView>;
export type CaptureView = Static<typeof CaptureView>;
export type CaptureListQuery = Static<typeof CaptureListQuery>;
export type ForwardAttemptView = Static<typeof ForwardAttemptView>;
export type ReportForwardAttempt = Static<typeof ReportForwardAttempt>;
export type SignRequest = Static<typeof SignRequest>;
export type CaptureStreamQuery = Static<typeof CaptureStreamQuery>;

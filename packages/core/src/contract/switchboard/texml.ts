import Type, { type Static } from 'typebox';
import { Nullable, OneOf } from '../fields.js';

/** `CallResource.status`, plus `queued` before an outbound call starts ringing. */
export const TexmlCallStatus = OneOf([
  'queued',
  'ringing',
  'in-progress',
  'completed',
  'busy',
  'no-answer',
  'canceled',
  'failed',
]);

/** `inbound`, `outbound-api` (REST) or `outbound-dial` (a `<Dial>` leg). */
export const TexmlDirection = OneOf(['inbound', 'outbound-api', 'outbound-dial']);

/** Telnyx's TeXML `CallResource`: snake_case, RFC 2822 times, the duration as a string. */
export const TexmlCallResource = Type.Object({
  account_sid: Type.String(),
  answered_by: Type.String(),
  caller_name: Type.Null(),
  date_created: Type.String(),
  date_updated: Type.String(),
  direction: TexmlDirection,
  duration: Type.String(),
  end_time: Nullable(Type.String()),
  from: Type.String(),
  from_formatted: Type.String(),
  parent_call_sid: Nullable(Type.String()),
  sid: Type.String(),
  start_time: Type.String(),
  status: TexmlCallStatus,
  to: Type.String(),
  to_formatted: Type.String(),
  uri: Type.String(),
});

/** One step of a TeXML call as the dashboard shows it: a request, a document, a verb, an error. */
export const TexmlLogEntryView = Type.Object({
  at: Type.String({ description: 'ISO 8601' }),
  kind: OneOf(['request', 'document', 'verb', 'error', 'note']),
  text: Type.String(),
  deliveryId: Type.Optional(Type.String()),
  document: Type.Optional(Type.String()),
});

/** A TeXML call as `GET /switchboard/texml/calls` lists it: the `CallResource` and its application. */
export const TexmlDashboardCall = Type.Object({
  ...TexmlCallResource.properties,
  application_id: Type.String(),
});

export const TexmlDashboardCalls = Type.Object({ data: Type.Array(TexmlDashboardCall) });

/** `GET /switchboard/texml/calls/{sid}`: the call with its requests, documents and verbs in order. */
export const TexmlDashboardCallDetail = Type.Object({
  data: Type.Object({
    ...TexmlDashboardCall.properties,
    log: Type.Array(TexmlLogEntryView),
  }),
});

export type TexmlCallResource = Static<typeof TexmlCallResource>;
export type TexmlLogEntryView = Static<typeof TexmlLogEntryView>;
export type TexmlDashboardCall = Static<typeof TexmlDashboardCall>;

import {
  EXPECTED,
  HttpUrl,
  Int,
  LENIENT,
  Nullable,
  OneOf,
  Text,
  TexmlCallResource,
} from '@switchboard/core/contract';
import Type, { type Static } from 'typebox';
import { TexmlRecording } from './texml-call-record.js';

/**
 * Declarations of the TeXML REST API (`/v2/texml/…`). Its bodies are Twilio-style CamelCase and
 * come as JSON or as `application/x-www-form-urlencoded` forms (every value a string): the same
 * declaration reads both, since it is lenient (`"30"` is 30, `""` is absent, no body is `{}`).
 */

const ID = Type.String({ minLength: 1, maxLength: 200 });

export const IdParams = Type.Object({ id: ID });
export const AccountParams = Type.Object({ account_sid: ID });
export const AccountCallParams = Type.Object({ account_sid: ID, call_sid: ID });
export const AccountItemParams = Type.Object({ account_sid: ID, sid: ID });

/** The content types a TeXML REST body may come in (OpenAPI `requestBody.content`). */
export const FORM_OR_JSON = ['application/json', 'application/x-www-form-urlencoded'];

const METHOD = OneOf(['GET', 'POST'], { default: 'POST' });
const URL = HttpUrl();

/** One move of the simulated far end: digits, speech, or hanging up. */
export const FarEndStep = Type.Union(
  [
    Type.Object({ dtmf: Type.String({ pattern: '^[0-9A-D*#]+$', [EXPECTED]: 'DTMF digits' }) }),
    Type.Object({ speech: Text() }),
    Type.Object({ hangup: Type.Literal(true) }),
  ],
  { [EXPECTED]: 'an object with one of dtmf (digits), speech (text) or hangup: true' },
);
export type FarEndStep = Static<typeof FarEndStep>;

/** `script`: Switchboard's own member, the simulated far end's moves in order (docs/texml.md). */
export const FarEndScript = Type.Array(FarEndStep, {
  description: "Switchboard only: the far end's moves, one each time the app listens",
});

/** The members both initiate routes share. */
const CALL_FIELDS = {
  To: Text(),
  From: Text(),
  Url: Type.Optional(URL),
  FallbackUrl: Type.Optional(URL),
  Texml: Type.Optional(
    Text({ allowBlank: true, description: 'A TeXML document to run instead of Url' }),
  ),
  StatusCallback: Type.Optional(URL),
  StatusCallbackMethod: Type.Optional(METHOD),
  StatusCallbackEvent: Type.Optional(
    Text({
      allowBlank: true,
      description: 'initiated, ringing, answered, completed; space- or comma-separated',
    }),
  ),
  Timeout: Type.Optional(Int(5, 120, { default: 30 })),
  TimeLimit: Type.Optional(Int(30, 14_400, { default: 14_400 })),
  script: Type.Optional(FarEndScript),
};

/** `POST /v2/texml/Accounts/{account_sid}/Calls` (InitiateCallRequest). */
export const InitiateTexmlCall = Type.Object(
  { ...CALL_FIELDS, ApplicationSid: Text(), UrlMethod: Type.Optional(METHOD) },
  { [LENIENT]: true },
);
export type InitiateTexmlCall = Static<typeof InitiateTexmlCall>;

/** `POST /v2/texml/calls/{application_id}`: the application is in the path, the method is `Method`. */
export const InitiateTexmlApplicationCall = Type.Object(
  { ...CALL_FIELDS, Method: Type.Optional(METHOD) },
  { [LENIENT]: true },
);
export type InitiateTexmlApplicationCall = Static<typeof InitiateTexmlApplicationCall>;

/** What initiating a call answers. */
export const InitiatedTexmlCall = Type.Object({
  call_sid: Type.String(),
  from: Type.String(),
  to: Type.String(),
  status: Type.Literal('queued'),
});

/** `POST …/Calls/{call_sid}` (UpdateCallRequest): end it, or move it to another document. */
export const UpdateTexmlCall = Type.Object(
  {
    Status: Type.Optional(OneOf(['completed', 'canceled'])),
    Url: Type.Optional(URL),
    Method: Type.Optional(METHOD),
    FallbackUrl: Type.Optional(URL),
    Texml: Type.Optional(Text({ allowBlank: true })),
  },
  { [LENIENT]: true },
);
export type UpdateTexmlCall = Static<typeof UpdateTexmlCall>;

/** `GET …/Calls`: filters, and Twilio-style 0-based pages. */
export const TexmlCallsQuery = Type.Object({
  To: Type.Optional(Type.String()),
  From: Type.Optional(Type.String()),
  Status: Type.Optional(Type.String()),
  Page: Type.Optional(Int(0, Number.MAX_SAFE_INTEGER, { default: 0 })),
  PageSize: Type.Optional(Int(1, 1000, { default: 50 })),
});
export type TexmlCallsQuery = Static<typeof TexmlCallsQuery>;

/** `CallResourceIndex`. */
export const TexmlCallIndex = Type.Object({
  calls: Type.Array(TexmlCallResource),
  end: Type.Integer(),
  first_page_uri: Type.String(),
  next_page_uri: Nullable(Type.String()),
  page: Type.Integer(),
  page_size: Type.Integer(),
  previous_page_uri: Nullable(Type.String()),
  start: Type.Integer(),
  uri: Type.String(),
});
export type TexmlCallIndex = Static<typeof TexmlCallIndex>;

/** A conference made by `<Dial><Conference>`. */
export const TexmlConference = Type.Object({
  account_sid: Type.String(),
  date_created: Type.String(),
  date_updated: Type.String(),
  friendly_name: Type.String(),
  sid: Type.String(),
  status: OneOf(['init', 'in-progress', 'completed']),
  uri: Type.String(),
});
export type TexmlConference = Static<typeof TexmlConference>;

export const TexmlConferenceList = Type.Object({ conferences: Type.Array(TexmlConference) });

/** `POST …/Conferences/{sid}`: `Status=completed` ends it. */
export const UpdateTexmlConference = Type.Object(
  { Status: Type.Optional(OneOf(['completed'])) },
  { [LENIENT]: true },
);

export const TexmlParticipant = Type.Object({
  account_sid: Type.String(),
  call_sid: Type.String(),
  call_sid_legacy: Type.String(),
  coaching: Type.Boolean(),
  conference_sid: Type.String(),
  date_created: Type.String(),
  end_conference_on_exit: Type.Boolean(),
  hold: Type.Boolean(),
  muted: Type.Boolean(),
  status: Type.String(),
  uri: Type.String(),
});
export type TexmlParticipant = Static<typeof TexmlParticipant>;

export const TexmlParticipantList = Type.Object({ participants: Type.Array(TexmlParticipant) });

export const TexmlQueue = Type.Object({
  account_sid: Type.String(),
  average_wait_time: Type.Integer(),
  current_size: Type.Integer(),
  friendly_name: Type.String(),
  max_size: Type.Integer(),
  sid: Type.String(),
  uri: Type.String(),
});
export type TexmlQueue = Static<typeof TexmlQueue>;

export const TexmlQueueList = Type.Object({ queues: Type.Array(TexmlQueue) });

export const TexmlRecordingList = Type.Object({ recordings: Type.Array(TexmlRecording) });

import Type, { type Static } from 'typebox';
import { Nullable } from '../fields.js';

/** Telnyx's `Call` object (`CallWithRecordingId` for Dial), as `/v2/calls*` answers it. */
export const CALL_RESOURCE_FIELDS = {
  record_type: Type.Literal('call'),
  call_control_id: Type.String(),
  call_leg_id: Type.String(),
  call_session_id: Type.String(),
  is_alive: Type.Boolean(),
  client_state: Type.Optional(Type.String()),
  start_time: Type.String(),
  end_time: Type.Optional(Type.String()),
  call_duration: Type.Integer({ minimum: 0 }),
  recording_id: Type.Optional(Type.String()),
};

export const CallResource = Type.Object(CALL_RESOURCE_FIELDS);
export type CallResource = Static<typeof CallResource>;

/** How an emulated call's far end behaves (chosen by the number dialled). */
export const FarEndBehaviour = Type.Enum([
  'human',
  'human_business',
  'busy',
  'no_answer',
  'rejected',
  'machine_beep',
  'machine_no_beep',
  'fax',
  'silence',
]);

/** One call of `GET /switchboard/calls`: the Telnyx call plus what the emulator knows. */
export const CallSummary = Type.Object({
  ...CALL_RESOURCE_FIELDS,
  phase: Type.Enum(['dialing', 'parked', 'answered', 'ended']),
  direction: Type.Enum(['incoming', 'outgoing']),
  from: Type.String(),
  to: Type.String(),
  connection_id: Type.String(),
  far_end: FarEndBehaviour,
  conference_id: Nullable(Type.String()),
  queue: Nullable(Type.String()),
  answered_at: Nullable(Type.String()),
});
export type CallSummary = Static<typeof CallSummary>;

export const CallSummaryList = Type.Object({ data: Type.Array(CallSummary) });

/** One line of a call's timeline: its start, a command, a far-end action or a webhook. */
export const CallTimelineEntry = Type.Object({
  at: Type.String(),
  kind: Type.Enum(['started', 'command', 'far_end', 'event']),
  name: Type.String({ description: "The command, far-end action, event type or call's direction" }),
  detail: Type.Record(Type.String(), Type.Unknown()),
});
export type CallTimelineEntry = Static<typeof CallTimelineEntry>;

/** `GET /switchboard/calls/{id}/timeline`. */
export const CallTimeline = Type.Object({
  data: Type.Object({ call: CallSummary, timeline: Type.Array(CallTimelineEntry) }),
});

/** `POST /switchboard/calls/{id}/audio_ticket`: a one-time ticket for the softphone's socket. */
export const AudioTicket = Type.Object({
  data: Type.Object({ ticket: Type.String(), url: Type.String(), expires_at: Type.String() }),
});

/**
 * The parameters Telnyx sends a TeXML app, by request. Every value is a string (they arrive
 * as a form or query); what a request does not carry is absent.
 */
export interface TexmlCallParams {
  readonly AccountSid: string;
  readonly CallSid: string;
  readonly CallSidLegacy?: string;
  readonly ConnectionId?: string;
  readonly From: string;
  readonly To: string;
  /** `queued`, `initiated`, `ringing`, `in-progress`, `completed`, `busy`, `no-answer`, `canceled`, `failed`. */
  readonly CallStatus: string;
  /** `inbound`, `outbound-api`, `outbound-dial`. */
  readonly Direction?: string;
  readonly ParentCallSid?: string;
}

/** What verbs add when their action URL is requested. */
export interface TexmlActionParams {
  /** `<Gather>`: the keys pressed (without `finishOnKey`); `<Record>`: the key that ended it. */
  readonly Digits?: string;
  readonly SpeechResult?: string;
  readonly Confidence?: string;
  /** `<Record>`, `<Dial record>`. */
  readonly RecordingUrl?: string;
  readonly RecordingDuration?: string;
  /** `<Dial>`: `completed`, `busy`, `no-answer`, `failed`, `canceled`. */
  readonly DialCallStatus?: string;
  readonly DialCallSid?: string;
  readonly DialCallDuration?: string;
  /** `<Enqueue>`: `leave`, `queue-full`, … */
  readonly QueueResult?: string;
  readonly QueueSid?: string;
  readonly QueueTime?: string;
}

/** Status, recording and stream callbacks. */
export interface TexmlCallbackParams {
  readonly CallbackSource?: string;
  readonly SequenceNumber?: string;
  readonly Timestamp?: string;
  readonly CallDuration?: string;
  readonly RecordingSid?: string;
  readonly RecordingStatus?: string;
  readonly RecordingChannels?: string;
  readonly RecordingSource?: string;
  readonly StreamSid?: string;
  readonly StreamName?: string;
  readonly StreamEvent?: string;
  readonly ErrorCode?: string;
  readonly ErrorMessage?: string;
}

/** One verified TeXML request's parameters; unknown names stay readable as strings. */
export type TexmlParams = TexmlCallParams &
  TexmlActionParams &
  TexmlCallbackParams &
  Readonly<Record<string, string | undefined>>;

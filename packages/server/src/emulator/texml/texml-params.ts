import { durationSecs, type TexmlCallRecord } from './texml-call-record.js';

/**
 * The parameters every request about a call carries (FETCH, CB-call-*): Twilio's names, with
 * Telnyx's additions (`CallSidLegacy`, `ConnectionId`). `CallSid` is the call_control_id.
 */
export function callParams(record: TexmlCallRecord): Record<string, string> {
  return {
    AccountSid: record.accountId,
    CallSid: record.sid,
    CallSidLegacy: record.sid,
    ConnectionId: record.applicationId,
    From: record.from,
    To: record.to,
    CallStatus: record.status,
    Direction: record.direction,
    ...(record.parentCallSid === null
      ? {}
      : { ParentCallSid: record.parentCallSid, ParentCallSidLegacy: record.parentCallSid }),
  };
}

/** The CallStatus each progress event reports; `completed` reports how the call ended. */
const STATUS_OF_EVENT: Readonly<Record<string, string>> = {
  initiated: 'initiated',
  ringing: 'ringing',
  answered: 'in-progress',
};

/** A call-progress status callback (`initiated`, `ringing`, `answered`, `completed`). */
export function statusParams(
  record: TexmlCallRecord,
  event: string,
  sequence: number,
  now: number,
): Record<string, string> {
  const base = {
    ...callParams(record),
    CallStatus: STATUS_OF_EVENT[event] ?? record.status,
    CallbackSource: 'call-progress-events',
    SequenceNumber: String(sequence),
    Timestamp: new Date(now).toISOString(),
    CallInitiatedAt: new Date(record.startedAt).toISOString(),
  };
  if (event === 'answered')
    return { ...base, CallDuration: '0', Codec: 'PCMU', SamplingRate: '8000' };
  if (event !== 'completed') return base;
  return {
    ...base,
    CallDuration: String(durationSecs(record, now)),
    EndTime: new Date(record.endedAt ?? now).toISOString(),
    ...(record.answeredAt === null
      ? {}
      : { AnsweredTime: new Date(record.answeredAt).toISOString() }),
  };
}

/** A CallStatus for how a Call Control call ended (CB-call-completed's values). */
export function endedStatus(
  hangupCause: unknown,
  answered: boolean,
): 'completed' | 'busy' | 'no-answer' | 'canceled' | 'failed' {
  if (answered) return 'completed';
  switch (hangupCause) {
    case 'user_busy':
      return 'busy';
    case 'timeout':
      return 'no-answer';
    case 'originator_cancel':
      return 'canceled';
    case 'normal_clearing':
      return 'completed';
    default:
      return 'failed';
  }
}

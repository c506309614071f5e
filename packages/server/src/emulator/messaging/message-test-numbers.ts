/** The final `to[].status` of an outbound message. */
export type FinalStatus =
  'delivered' | 'delivery_failed' | 'sending_failed' | 'delivery_unconfirmed';

/** `line_type` values of the spec. */
export type LineType = 'Wireline' | 'Wireless' | 'VoWiFi' | 'VoIP' | 'Pre-Paid Wireless' | '';

/** A `messaging_Error` as it appears in `payload.errors`. */
export interface MessageError {
  readonly code: string;
  readonly title: string;
  readonly detail: string;
}

/** What happens to a message sent to a number. */
export interface MessageOutcome {
  readonly status: FinalStatus;
  readonly lineType: LineType;
  readonly error: MessageError | null;
}

/** One documented test number: `+1 NXX 555 <suffix>`, for any area code NXX. */
export interface MessageTestNumber extends MessageOutcome {
  readonly suffix: string;
  readonly description: string;
}

/**
 * The messaging test numbers, like a payment provider's test cards. They sit in the fictional
 * range +1 NXX 555-01XX (settled.md); the 0180s are kept for messaging so that they do not
 * clash with the call test numbers. Error codes and titles follow Telnyx's messaging
 * error-code reference.
 */
export const MESSAGE_TEST_NUMBERS: readonly MessageTestNumber[] = [
  {
    suffix: '0180',
    description: 'a landline: the carrier cannot route SMS to it',
    status: 'delivery_failed',
    lineType: 'Wireline',
    error: {
      code: '40001',
      title: 'Not routable',
      detail: 'The destination number is a landline or otherwise cannot receive SMS/MMS.',
    },
  },
  {
    suffix: '0181',
    description: 'a handset that is unreachable: the carrier gives up',
    status: 'delivery_failed',
    lineType: 'Wireless',
    error: {
      code: '40008',
      title: 'Undeliverable',
      detail: 'The carrier did not accept the message.',
    },
  },
  {
    suffix: '0182',
    description: 'a number the carrier rejects at submission: never leaves Telnyx',
    status: 'sending_failed',
    lineType: 'Wireless',
    error: {
      code: '40012',
      title: 'Invalid destination number',
      detail: 'The carrier rejected the destination number.',
    },
  },
  {
    suffix: '0183',
    description: 'a carrier that never sends a delivery receipt',
    status: 'delivery_unconfirmed',
    lineType: 'Wireless',
    error: null,
  },
];

const HUMAN: MessageOutcome = { status: 'delivered', lineType: 'Wireless', error: null };
const FICTIONAL = /^\+1\d{3}555(01\d\d)$/;

/** The outcome of sending to `to`: a test number's, or delivered for everything else. */
export function messageOutcome(to: string): MessageOutcome {
  const suffix = FICTIONAL.exec(to)?.[1];
  return MESSAGE_TEST_NUMBERS.find((n) => n.suffix === suffix) ?? HUMAN;
}

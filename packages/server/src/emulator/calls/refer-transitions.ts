import { emit, parties, schedule, type Draft } from './call-draft.js';
import type { ReferState } from './call-extras.js';
import { extrasOf, patchExtras } from './conversation-transitions.js';
import { endCall } from './lifecycle-transitions.js';
import { farEndFor } from './test-numbers.js';

/** SIP NOTIFY status the far end reports for each scripted refer target. */
const FAILURES: Readonly<Record<string, number>> = { busy: 486, rejected: 603, no_answer: 480 };

/**
 * The refer target's user part chooses the outcome from the test-number table: busy, rejecting
 * and unanswered numbers fail the REFER; anything else accepts it.
 */
export function referOutcome(sipAddress: string): ReferState {
  const user = /^sips?:([^@;]+)/.exec(sipAddress)?.[1] ?? sipAddress;
  const failure = FAILURES[farEndFor(user)];
  return failure === undefined
    ? { sipAddress, outcome: 'completed', sipCode: 200 }
    : { sipAddress, outcome: 'failed', sipCode: failure };
}

/** `call.refer.started` (NOTIFY 100 Trying) now; the outcome after a ring. */
export function startRefer(draft: Draft, refer: ReferState): void {
  patchExtras(draft, { refer });
  emit(draft, 'call.refer.started', { ...parties(draft.state), sip_notify_response: 100 });
  const { answerDelayMs, failDelayMs } = draft.ctx.timings;
  const delay = refer.outcome === 'failed' ? failDelayMs : answerDelayMs;
  schedule(draft, 'refer_outcome', draft.ctx.now + delay);
}

/** A completed REFER moves the far end to the target, so this leg then hangs up. */
export function referEnded(draft: Draft): void {
  const refer = extrasOf(draft).refer;
  if (refer === null) return;
  patchExtras(draft, { refer: null });
  const eventType = refer.outcome === 'completed' ? 'call.refer.completed' : 'call.refer.failed';
  emit(draft, eventType, { ...parties(draft.state), sip_notify_response: refer.sipCode });
  if (refer.outcome === 'completed') endCall(draft, 'normal_clearing', 'far_end');
}

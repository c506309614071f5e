import { emit, parties, schedule, type Draft } from './call-draft.js';
import type { AmdMode, FarEnd } from './call-state.js';

const STANDARD_RESULT: Readonly<Record<FarEnd, 'human' | 'machine' | 'not_sure'>> = {
  human: 'human',
  human_business: 'human',
  busy: 'not_sure',
  no_answer: 'not_sure',
  rejected: 'not_sure',
  machine_beep: 'machine',
  machine_no_beep: 'machine',
  fax: 'machine',
  silence: 'not_sure',
};

const PREMIUM_RESULT: Readonly<Record<FarEnd, string>> = {
  human: 'human_residence',
  human_business: 'human_business',
  busy: 'not_sure',
  no_answer: 'not_sure',
  rejected: 'not_sure',
  machine_beep: 'machine',
  machine_no_beep: 'machine',
  fax: 'fax_detected',
  silence: 'silence',
};

/** On answer: detection reports after the analysis time when AMD was asked for. */
export function armDetection(draft: Draft): void {
  if (draft.state.amd === 'disabled') return;
  schedule(draft, 'amd_result', draft.ctx.now + draft.ctx.timings.amdDelayMs);
}

/**
 * Detection result, then (facts §5.1) a greeting event when the mode asks for one: standard
 * `greeting_end`/`detect_words` after any machine, `detect_beep` only on a beep, premium only
 * on a beep (a beep after the result, so both events are sent).
 */
export function detectionEnded(draft: Draft): void {
  const { amd, farEnd } = draft.state;
  const premium = amd === 'premium';
  const result = premium ? PREMIUM_RESULT[farEnd] : STANDARD_RESULT[farEnd];
  emit(draft, premium ? 'call.machine.premium.detection.ended' : 'call.machine.detection.ended', {
    result,
    ...parties(draft.state),
  });
  if (greetingFollows(amd, farEnd)) {
    const at = draft.state.answeredAt ?? draft.ctx.now;
    schedule(draft, 'amd_greeting', Math.max(draft.ctx.now, at + draft.ctx.timings.greetingMs));
  }
}

export function greetingEnded(draft: Draft): void {
  const beep = draft.state.farEnd === 'machine_beep';
  const premium = draft.state.amd === 'premium';
  const eventType = premium ? 'call.machine.premium.greeting.ended' : 'call.machine.greeting.ended';
  const result = beep ? 'beep_detected' : 'ended';
  emit(draft, eventType, { result, ...parties(draft.state) });
}

function greetingFollows(amd: AmdMode, farEnd: FarEnd): boolean {
  const beep = farEnd === 'machine_beep';
  if (amd === 'premium' || amd === 'detect_beep') return beep;
  const machine = STANDARD_RESULT[farEnd] === 'machine';
  return (amd === 'greeting_end' || amd === 'detect_words') && machine;
}

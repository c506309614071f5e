import { cancel, emit, parties, patch, schedule, type Draft } from './call-draft.js';
import type { GatherState } from './call-state.js';
import { mediaFields } from './media-transitions.js';

export type GatherStatus = 'valid' | 'invalid' | 'call_hangup' | 'cancelled' | 'timeout';

/** Starts a gather: prompt first (gather_using_*), else collect at once. Replaces any running gather. */
export function startGather(draft: Draft, gather: GatherState): void {
  if (draft.state.gather !== null) endGather(draft, 'cancelled');
  patch(draft, { gather });
  if (gather.prompt === null) beginCollecting(draft);
  else startPrompt(draft);
}

/** Far-end DTMF: every digit is reported; a running gather also consumes it. */
export function receiveDigits(draft: Draft, digits: string): void {
  for (const digit of digits) {
    emit(draft, 'call.dtmf.received', { digit, ...parties(draft.state) });
    if (draft.state.gather !== null) consumeDigit(draft, digit);
  }
}

export function promptEnded(draft: Draft): void {
  const gather = draft.state.gather;
  if (gather?.prompt == null || gather.collecting) return;
  if (gather.prompt.kind === 'playback') {
    emit(draft, 'call.playback.ended', { ...mediaFields(gather.prompt), status: 'completed' });
  }
  beginCollecting(draft);
}

/** The initial, inter-digit or overall timeout ran out. */
export function gatherTimedOut(draft: Draft): void {
  const gather = draft.state.gather;
  if (gather === null) return;
  if (gather.digits === '') retryOrEnd(draft, 'timeout');
  else retryOrEnd(draft, gather.digits.length >= gather.minimum ? 'valid' : 'invalid');
}

/** gather_stop, or hangup: ends the gather with `status` and what was collected. */
export function endGather(draft: Draft, status: GatherStatus): void {
  const gather = draft.state.gather;
  if (gather === null) return;
  cancel(draft, 'gather_timeout');
  cancel(draft, 'prompt_end');
  if (!gather.collecting && gather.prompt?.kind === 'playback') {
    const promptStatus = status === 'call_hangup' ? 'call_hangup' : 'cancelled';
    emit(draft, 'call.playback.ended', { ...mediaFields(gather.prompt), status: promptStatus });
  }
  emit(draft, 'call.gather.ended', { digits: gather.digits, status, ...parties(draft.state) });
  patch(draft, { gather: null });
}

function startPrompt(draft: Draft): void {
  const prompt = draft.state.gather?.prompt;
  if (prompt == null) return;
  if (prompt.kind === 'playback') emit(draft, 'call.playback.started', mediaFields(prompt));
  schedule(draft, 'prompt_end', draft.ctx.now + prompt.durationMs);
}

function beginCollecting(draft: Draft): void {
  const gather = draft.state.gather;
  if (gather === null) return;
  const deadline = draft.ctx.now + gather.timeoutMs;
  patch(draft, { gather: { ...gather, collecting: true, deadline } });
  armTimeout(draft, gather.initialMs);
}

/** Digits typed over the prompt barge in: the prompt stops and collection starts. */
function consumeDigit(draft: Draft, digit: string): void {
  const before = draft.state.gather;
  if (before === null) return;
  if (!before.collecting) interruptPrompt(draft);
  const gather = draft.state.gather ?? before;
  if (digit === gather.terminator) {
    retryOrEnd(draft, gather.digits.length >= gather.minimum ? 'valid' : 'invalid');
    return;
  }
  if (!gather.validDigits.includes(digit)) return;
  const digits = gather.digits + digit;
  patch(draft, { gather: { ...gather, digits } });
  if (digits.length >= gather.maximum) endGather(draft, 'valid');
  else armTimeout(draft, gather.interDigitMs);
}

function interruptPrompt(draft: Draft): void {
  const gather = draft.state.gather;
  if (gather?.prompt?.kind === 'playback') {
    emit(draft, 'call.playback.ended', { ...mediaFields(gather.prompt), status: 'cancelled' });
  }
  cancel(draft, 'prompt_end');
  if (gather !== null)
    patch(draft, {
      gather: { ...gather, collecting: true, deadline: draft.ctx.now + gather.timeoutMs },
    });
}

/** gather_using_* replay the prompt after an invalid or empty entry while tries remain. */
function retryOrEnd(draft: Draft, status: GatherStatus): void {
  const gather = draft.state.gather;
  if (gather === null) return;
  const retry = status !== 'valid' && gather.prompt !== null && gather.triesLeft > 1;
  if (!retry) {
    endGather(draft, status);
    return;
  }
  cancel(draft, 'gather_timeout');
  patch(draft, {
    gather: {
      ...gather,
      digits: '',
      collecting: false,
      deadline: null,
      triesLeft: gather.triesLeft - 1,
    },
  });
  startPrompt(draft);
}

function armTimeout(draft: Draft, waitMs: number): void {
  const deadline = draft.state.gather?.deadline ?? Number.POSITIVE_INFINITY;
  schedule(draft, 'gather_timeout', Math.min(draft.ctx.now + waitMs, deadline));
}

import { describe, expect, it } from 'vitest';
import type { StepContext } from '../../../src/emulator/calls/call-draft.js';
import type { CallInput, Effect, Step } from '../../../src/emulator/calls/call-input.js';
import { step } from '../../../src/emulator/calls/call-machine.js';
import type { CallState } from '../../../src/emulator/calls/call-state.js';
import { DEFAULT_TIMINGS } from '../../../src/emulator/calls/call-timings.js';
import { createCall, type NewCall } from '../../../src/emulator/calls/new-call.js';

const T0 = 1_750_000_000_000;

function ctx(now: number): StepContext {
  return { now, timings: DEFAULT_TIMINGS, baseUrl: 'http://sb.test' };
}

function newCall(overrides: Partial<NewCall> = {}): NewCall {
  return {
    id: 'v3:call-a',
    accountId: 'acct',
    legId: 'leg-a',
    sessionId: 'session-a',
    connectionId: 'app-1',
    from: '+13125550000',
    to: '+13125551234',
    direction: 'outgoing',
    clientState: null,
    routing: null,
    amd: 'disabled',
    timeoutSecs: 30,
    timeLimitSecs: 14_400,
    recordOnAnswer: null,
    streamOnAnswer: null,
    transferOf: null,
    commandId: null,
    ...overrides,
  };
}

function ok(result: Step): { state: CallState; effects: readonly Effect[] } {
  if (!result.ok) throw new Error(`refused: ${result.refusal}`);
  return result;
}

function emitted(effects: readonly Effect[]): string[] {
  return effects.flatMap((effect) => (effect.type === 'emit' ? [effect.eventType] : []));
}

/** Fires the pending timer of `kind` at its own time. */
function fire(state: CallState, kind: string): { state: CallState; effects: readonly Effect[] } {
  const timer = state.timers.find((pending) => pending.kind === kind);
  if (timer === undefined) throw new Error(`no ${kind} timer`);
  return ok(step(state, { type: 'timer', timer }, ctx(timer.at)));
}

const common = { clientState: null, commandId: null, routing: null } as const;

function command(
  state: CallState,
  input: Extract<CallInput, { type: 'command' }>['command'],
  now: number,
  commandId: string | null = null,
) {
  return step(
    state,
    { type: 'command', command: input, common: { ...common, commandId } },
    ctx(now),
  );
}

describe('call state machine', () => {
  it('starts an outgoing call with call.initiated and arms ring, timeout and limit timers', () => {
    const { state, effects } = ok(createCall(newCall(), ctx(T0)));
    expect(emitted(effects)).toEqual(['call.initiated']);
    expect(state.timers.map((timer) => [timer.kind, timer.at - T0])).toEqual([
      ['time_limit', 14_400_000],
      ['dial_timeout', 30_000],
      ['ring_outcome', DEFAULT_TIMINGS.answerDelayMs],
    ]);
  });

  it('answers on the ring outcome and drops the dial timeout', () => {
    const started = ok(createCall(newCall(), ctx(T0)));
    const { state, effects } = fire(started.state, 'ring_outcome');
    expect(state.phase).toBe('answered');
    expect(emitted(effects)).toEqual(['call.answered']);
    expect(state.timers.map((timer) => timer.kind)).toEqual(['time_limit']);
  });

  it('ignores a timer the call no longer holds (cancelled by forgetting)', () => {
    const started = ok(createCall(newCall(), ctx(T0)));
    const timeout = started.state.timers.find((timer) => timer.kind === 'dial_timeout');
    const answered = fire(started.state, 'ring_outcome').state;
    if (timeout === undefined) throw new Error('no timeout');
    const late = ok(step(answered, { type: 'timer', timer: timeout }, ctx(timeout.at)));
    expect(late.state).toBe(answered);
    expect(late.effects).toEqual([]);
  });

  it('refuses commands on an ended call and media before answer', () => {
    const parked = ok(
      createCall(newCall({ direction: 'incoming', timeoutSecs: null }), ctx(T0)),
    ).state;
    const speak = {
      name: 'speak',
      item: {
        kind: 'speak',
        durationMs: 500,
        mediaUrl: null,
        mediaName: null,
        overlay: false,
        speech: null,
      },
    } as const;
    expect(command(parked, speak, T0)).toEqual({ ok: false, refusal: 'not_answered' });
    const ended = ok(command(parked, { name: 'hangup' }, T0)).state;
    expect(command(ended, speak, T0)).toEqual({ ok: false, refusal: 'call_ended' });
  });

  it('ignores a repeated command_id for 60 s only', () => {
    const answered = fire(ok(createCall(newCall(), ctx(T0))).state, 'ring_outcome').state;
    const first = ok(command(answered, { name: 'fork_start' }, T0 + 1000, 'c1'));
    const stop = ok(command(first.state, { name: 'fork_stop' }, T0 + 2000)).state;
    expect(ok(command(stop, { name: 'fork_start' }, T0 + 60_999, 'c1')).effects).toEqual([]);
    expect(emitted(ok(command(stop, { name: 'fork_start' }, T0 + 61_000, 'c1')).effects)).toEqual([
      'call.fork.started',
    ]);
  });

  it('hangs up with the matching cause, source and SIP code', () => {
    const parked = ok(
      createCall(newCall({ direction: 'incoming', timeoutSecs: null }), ctx(T0)),
    ).state;
    const rejected = ok(command(parked, { name: 'reject', cause: 'USER_BUSY' }, T0));
    const hangup = rejected.effects.find(
      (effect) => effect.type === 'emit' && effect.eventType === 'call.hangup',
    );
    expect(hangup).toMatchObject({
      payload: { hangup_cause: 'user_busy', hangup_source: 'callee', sip_hangup_cause: '486' },
    });
    expect(rejected.state.timers).toEqual([]);
  });

  it('tells the bridged peer when it hangs up', () => {
    const answered = fire(ok(createCall(newCall(), ctx(T0))).state, 'ring_outcome').state;
    const bridged = ok(
      step(
        answered,
        { type: 'peer', signal: { name: 'bridged', peerId: 'v3:b', parkAfterUnbridge: false } },
        ctx(T0),
      ),
    );
    const hung = ok(command(bridged.state, { name: 'hangup' }, T0));
    expect(hung.effects).toContainEqual({
      type: 'signal',
      callId: 'v3:b',
      signal: { name: 'peer_hangup', peerId: 'v3:call-a' },
    });
  });

  it('stays up after the peer hangs up when parked after unbridge', () => {
    const answered = fire(ok(createCall(newCall(), ctx(T0))).state, 'ring_outcome').state;
    const bridged = ok(
      step(
        answered,
        { type: 'peer', signal: { name: 'bridged', peerId: 'v3:b', parkAfterUnbridge: true } },
        ctx(T0),
      ),
    );
    const after = ok(
      step(
        bridged.state,
        { type: 'peer', signal: { name: 'peer_hangup', peerId: 'v3:b' } },
        ctx(T0),
      ),
    );
    expect(after.state.phase).toBe('answered');
    expect(after.state.bridgedWith).toBeNull();
  });

  it('sends premium AMD greeting only on a beep', () => {
    const dial = (to: string) =>
      fire(ok(createCall(newCall({ to, amd: 'premium' }), ctx(T0))).state, 'ring_outcome').state;
    const beep = fire(dial('+13125550104'), 'amd_result');
    expect(beep.state.timers.some((timer) => timer.kind === 'amd_greeting')).toBe(true);
    const noBeep = fire(dial('+13125550105'), 'amd_result');
    expect(noBeep.state.timers.some((timer) => timer.kind === 'amd_greeting')).toBe(false);
  });
});

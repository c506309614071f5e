import { KeyedSerial } from '../keyed-serial.js';
import { TimerQueue, type TimerHost } from '../messaging/timer-queue.js';
import type { EmulatorDeps } from '../emulator-deps.js';
import { emitInputFor } from './call-emit-input.js';
import { decodeCall, jsonObjectOf } from './call-document.js';
import type { StepContext } from './call-draft.js';
import { step } from './call-machine.js';
import type { CallInput, Effect, Step } from './call-input.js';
import type { CallState, CallTimer } from './call-state.js';
import { DEFAULT_TIMINGS, type CallTimings } from './call-timings.js';

export interface CallRuntimeOptions {
  readonly timings?: Partial<CallTimings>;
  /** The one real timer behind the wheel; tests inject a manual one. */
  readonly timerHost?: TimerHost;
  readonly onError?: (error: unknown) => void;
  /** Told of every stored transition, e.g. the audio side (media streams, recordings). */
  readonly observer?: CallObserver;
}

/** Follows calls from outside the state machine; must not throw, and must not block. */
export interface CallObserver {
  committed(
    before: CallState | null,
    state: CallState,
    input: CallInput | null,
    effects: readonly Effect[],
  ): void;
}

/**
 * Told of every committed transition of a call (after its signals ran), so other parts of the
 * voice emulator (conferences, queues, recordings) follow calls without the machine knowing them.
 * `before` is null for a call's first step.
 */
export type CallFollower = (
  before: CallState | null,
  after: CallState,
  effects: readonly Effect[],
) => Promise<void>;

/** A transfer asked for by a call, carried out by the engine that owns call creation. */
export type TransferHandler = (
  origin: CallState,
  effect: Extract<Effect, { type: 'transfer' }>,
) => Promise<void>;

const CALL_KIND = 'call';

/**
 * Runs call state machines: serialises inputs per call, stores every new state (timers
 * included) before acting on it, publishes webhooks, and arms timers on one shared wheel.
 * Ended calls leave memory and are read back from the store when asked for.
 */
export class CallRuntime {
  readonly timings: CallTimings;
  readonly #deps: EmulatorDeps;
  readonly #live = new Map<string, CallState>();
  readonly #serial = new KeyedSerial();
  readonly #wheel: TimerQueue;
  #onTransfer: TransferHandler = () => Promise.resolve();
  readonly #observer: CallObserver | null;
  readonly #onError: (error: unknown) => void;
  readonly #followers: CallFollower[] = [];

  constructor(deps: EmulatorDeps, options: CallRuntimeOptions = {}) {
    this.#deps = deps;
    this.timings = { ...DEFAULT_TIMINGS, ...options.timings };
    const onError =
      options.onError ??
      ((error: unknown) => {
        console.error('call emulator timer failed', error);
      });
    this.#observer = options.observer ?? null;
    this.#onError = onError;
    this.#wheel = new TimerQueue({
      now: () => deps.now(),
      onError,
      ...(options.timerHost === undefined ? {} : { host: options.timerHost }),
    });
  }

  set onTransfer(handler: TransferHandler) {
    this.#onTransfer = handler;
  }

  follow(follower: CallFollower): void {
    this.#followers.push(follower);
  }

  /** Runs `task` at epoch ms `at` on the calls' timer wheel (conferences share it). */
  at(at: number, task: () => Promise<void>): void {
    this.#wheel.schedule(at, task);
  }

  context(): StepContext {
    return { now: this.#deps.now(), timings: this.timings, baseUrl: this.#deps.baseUrl };
  }

  /** Runs every timer that is due now (tests call this after moving their clock). */
  runDue(): Promise<number> {
    return this.#wheel.runDue();
  }

  /** Calls in memory that have not ended. */
  liveCalls(): IterableIterator<CallState> {
    return this.#live.values();
  }

  /** The call if `accountId` owns it, from memory or the store. */
  async find(accountId: string, id: string): Promise<CallState | null> {
    const live = this.#live.get(id);
    if (live !== undefined) return live.accountId === accountId ? live : null;
    const stored = await this.#deps.store.getResource(accountId, CALL_KIND, id);
    return stored === null ? null : decodeCall(stored.data);
  }

  /** Stores and acts on a new call's first step. */
  async start(first: Extract<Step, { ok: true }>): Promise<void> {
    await this.#serial.run(first.state.id, () => this.#commit(first.state, first.effects));
    this.#observe(null, first.state, null, first.effects);
    await this.#followUps(first.state, first.effects);
    await this.#tellFollowers(null, first.state, first.effects);
  }

  /** Feeds one input to a call; returns the step (a refusal changes nothing). */
  async apply(accountId: string, id: string, input: CallInput): Promise<Step | null> {
    let before = null as CallState | null;
    const result = await this.#serial.run(id, async () => {
      const state = await this.find(accountId, id);
      if (state === null) return null;
      before = state;
      const next = step(state, input, this.context());
      if (next.ok && (next.state !== state || next.effects.length > 0)) {
        await this.#commit(next.state, next.effects);
        this.#observe(state, next.state, input, next.effects);
      }
      return next;
    });
    if (result?.ok === true) {
      await this.#followUps(result.state, result.effects);
      await this.#tellFollowers(before, result.state, result.effects);
    }
    return result;
  }

  async #tellFollowers(
    before: CallState | null,
    after: CallState,
    effects: readonly Effect[],
  ): Promise<void> {
    for (const follower of this.#followers) await follower(before, after, effects);
  }

  /** Reloads every stored call that has not ended and re-arms its timers. */
  async restoreCalls(): Promise<number> {
    let restored = 0;
    for (const account of await this.#deps.store.listAccounts()) {
      for (const resource of await this.#deps.store.listResources(account.id, CALL_KIND)) {
        const state = decodeCall(resource.data);
        if (state.phase === 'ended' || this.#live.has(state.id)) continue;
        this.#live.set(state.id, state);
        for (const timer of state.timers) this.#arm(state, timer);
        restored++;
      }
    }
    return restored;
  }

  close(): void {
    this.#wheel.close();
  }

  /** An observer's fault is logged; it never fails the transition, which is already stored. */
  #observe(
    before: CallState | null,
    state: CallState,
    input: CallInput | null,
    effects: readonly Effect[],
  ): void {
    try {
      this.#observer?.committed(before, state, input, effects);
    } catch (error) {
      this.#onError(error);
    }
  }

  async #commit(state: CallState, effects: readonly Effect[]): Promise<void> {
    await this.#persist(state);
    if (state.phase === 'ended') this.#live.delete(state.id);
    else this.#live.set(state.id, state);
    for (const effect of effects) {
      if (effect.type === 'emit')
        await this.#deps.emit(
          emitInputFor(state, effect.eventType, effect.payload, this.#deps.now()),
        );
      else if (effect.type === 'schedule') this.#arm(state, effect.timer);
    }
  }

  /** Signals and transfers touch other calls, so they run after this call's lock is released. */
  async #followUps(state: CallState, effects: readonly Effect[]): Promise<void> {
    for (const effect of effects) {
      if (effect.type === 'signal')
        await this.apply(state.accountId, effect.callId, { type: 'peer', signal: effect.signal });
      else if (effect.type === 'transfer') await this.#onTransfer(state, effect);
    }
  }

  #persist(state: CallState): Promise<void> {
    const now = this.#deps.now();
    const data = jsonObjectOf(state);
    return this.#deps.store.putResource({
      accountId: state.accountId,
      kind: CALL_KIND,
      id: state.id,
      data,
      createdAt: state.startedAt,
      updatedAt: now,
    });
  }

  #arm(state: CallState, timer: CallTimer): void {
    this.#wheel.schedule(timer.at, async () => {
      await this.apply(state.accountId, state.id, { type: 'timer', timer });
    });
  }
}

import type { CallEngine } from '../calls/call-engine.js';
import type { ConferenceEngine } from '../conferences/conference-engine.js';
import type { Admission } from '../queues/queue-engine.js';
import { callControlIdFrom, uuidFrom } from '../calls/call-ids.js';
import type { Command, FarEndAction } from '../calls/call-input.js';
import type { CallState } from '../calls/call-state.js';
import { createCall, type NewCall } from '../calls/new-call.js';

const NO_COMMON = { clientState: null, commandId: null, routing: null } as const;

export interface PlacedCall {
  readonly connectionId: string;
  readonly from: string;
  readonly to: string;
  readonly direction: 'incoming' | 'outgoing';
  readonly timeoutSecs: number | null;
  readonly timeLimitSecs: number;
  /** Keeps a `<Dial>` leg in its parent's session. */
  readonly sessionId: string | null;
}

/**
 * The Call Control emulator as TeXML drives it: the same calls, far ends, test numbers,
 * timers and events, created and commanded without going through the HTTP routes.
 */
export class EmulatedCalls {
  readonly #engine: CallEngine;
  readonly #random: () => number;

  constructor(engine: CallEngine, random: () => number) {
    this.#engine = engine;
    this.#random = random;
  }

  /** Call Control's conferences, which `<Dial><Conference>` joins. */
  get conferences(): ConferenceEngine {
    return this.#engine.conferences;
  }

  /** Call Control's admission to a queue, which creates it on first use (so /v2/queues lists it). */
  admit(accountId: string, queue: string, requestedMax: number): Promise<Admission> {
    return this.#engine.queues.admit(accountId, queue, requestedMax);
  }

  /** A new call id, known before the call starts so its first events can be routed. */
  newCallId(): string {
    return callControlIdFrom(this.#random);
  }

  async place(accountId: string, id: string, call: PlacedCall): Promise<CallState> {
    const draft: NewCall = {
      ...call,
      id,
      accountId,
      legId: uuidFrom(this.#random),
      sessionId: call.sessionId ?? uuidFrom(this.#random),
      clientState: null,
      routing: null,
      amd: 'disabled',
      recordOnAnswer: null,
      streamOnAnswer: null,
      transferOf: null,
      commandId: null,
    };
    const first = createCall(draft, this.#engine.runtime.context());
    if (!first.ok) throw new Error('a new call cannot be refused');
    await this.#engine.runtime.start(first);
    return first.state;
  }

  /** Runs a command; false when the call refused it (ended, not answered, queue full…). */
  async command(accountId: string, id: string, command: Command): Promise<boolean> {
    const step = await this.#engine.runtime.apply(accountId, id, {
      type: 'command',
      command,
      common: NO_COMMON,
    });
    return step?.ok === true;
  }

  async farEnd(accountId: string, id: string, action: FarEndAction): Promise<boolean> {
    const step = await this.#engine.runtime.apply(accountId, id, { type: 'far_end', action });
    return step?.ok === true;
  }

  find(accountId: string, id: string): Promise<CallState | null> {
    return this.#engine.runtime.find(accountId, id);
  }

  /** Live calls waiting in `queue`, longest waiting first. */
  waiting(accountId: string, queue: string): CallState[] {
    return this.waitingAll(accountId).filter((call) => call.queue?.name === queue);
  }

  /** Live calls of the account waiting in any queue, longest waiting first. */
  waitingAll(accountId: string): CallState[] {
    return [...this.#engine.runtime.liveCalls()]
      .filter((call) => call.accountId === accountId && call.queue !== null)
      .sort((a, b) => (a.queue?.enqueuedAt ?? 0) - (b.queue?.enqueuedAt ?? 0));
  }

  get timings(): CallEngine['runtime']['timings'] {
    return this.#engine.runtime.timings;
  }
}

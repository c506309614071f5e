import type { CallTimings } from '../calls/call-timings.js';
import type { Command } from '../calls/call-input.js';
import type { CallState } from '../calls/call-state.js';
import type { Admission } from '../queues/queue-engine.js';
import type { CallEvent, WaitResult } from './call-events.js';
import type { TexmlConferences } from './conference-rooms.js';
import type { TexmlLeg } from './texml-leg.js';
import type { TexmlSettings } from './texml-options.js';
import type { ActionTarget, DialNoun, DialVerb, Method } from './texml-verbs.js';

/** What a verb's run comes to: go on, fetch the next document, or stop (call over, cut short). */
export type VerbOutcome =
  | { readonly kind: 'next' }
  | {
      readonly kind: 'fetch';
      readonly target: ActionTarget;
      readonly params: Readonly<Record<string, string>>;
    }
  | { readonly kind: 'stop' };

export const NEXT: VerbOutcome = { kind: 'next' };
export const STOP: VerbOutcome = { kind: 'stop' };

/** What placing and finding other calls needs (Dial, queues). */
export interface CallDirectory {
  /** Dials one `<Number>`/`<Sip>` of a `<Dial>` as a new leg of `parent`. */
  dialLeg(
    parent: TexmlLeg,
    noun: Extract<DialNoun, { noun: 'Number' | 'Sip' }>,
    dial: DialVerb,
  ): Promise<TexmlLeg>;
  /** The live emulated call, for bridging. */
  find(accountId: string, callId: string): Promise<CallState | null>;
  /** Settles when the call has ended. */
  ended(accountId: string, callId: string): Promise<void>;
  /** Calls waiting in `queue`, longest waiting first. */
  waiting(accountId: string, queue: string): CallState[];
  /** Admits a call to Call Control's queue `queue` (created on first use). */
  admit(accountId: string, queue: string, requestedMax: number): Promise<Admission>;
}

/** What verb runners use: the call, its events, time, the app's URLs and other calls. */
export interface VerbHost {
  readonly leg: TexmlLeg;
  readonly settings: TexmlSettings;
  readonly timings: CallTimings;
  /** The URL of the running document (relative URLs and action-less verbs use it). */
  readonly documentUrl: string;
  /** The application's method, which `<Gather action>` uses. */
  readonly appMethod: Method;
  readonly calls: CallDirectory;
  readonly conferences: TexmlConferences;
  command(command: Command): Promise<boolean>;
  mark(): number;
  until(
    since: number,
    match: (event: CallEvent) => boolean,
    timeoutMs?: number | null,
    signal?: AbortSignal,
  ): Promise<WaitResult>;
  sleep(ms: number): Promise<WaitResult>;
  /** The simulated caller's next scripted move, at a point where the app listens. */
  farEndListens(): Promise<void>;
  /** Sends a callback (recording, stream, dial leg status) through the delivery engine. */
  notify(eventType: string, target: ActionTarget, params: Readonly<Record<string, string>>): void;
  newId(): string;
  /** Epoch ms, the server's clock. */
  now(): number;
}

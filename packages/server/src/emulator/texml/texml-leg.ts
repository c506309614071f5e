import type { Command } from '../calls/call-input.js';
import { CallEvents, type CallEvent } from './call-events.js';
import {
  MAX_LOG_ENTRIES,
  type CallbackTarget,
  type TexmlCallRecord,
  type TexmlLogEntry,
} from './texml-call-record.js';
import { endedStatus } from './texml-params.js';
import type { ActionTarget } from './texml-verbs.js';

/** What a leg needs from the service: commands to its call, storage, callbacks, the clock. */
export interface LegPorts {
  /** Runs a Call Control command on the call; false when it was refused (e.g. call ended). */
  apply(accountId: string, callId: string, command: Command): Promise<boolean>;
  save(record: TexmlCallRecord): Promise<void>;
  /** Sends one status callback and resolves after its first round, so the next waits. */
  statusCallback(
    record: TexmlCallRecord,
    target: CallbackTarget,
    event: string,
    sequence: number,
  ): Promise<void>;
  now(): number;
  onError(error: unknown): void;
}

export interface LegStream {
  readonly sid: string;
  readonly name: string | null;
  readonly statusCallback: ActionTarget | null;
}

/**
 * One TeXML call leg: its record (the REST API's Call), the Call Control events of the
 * underlying emulated call, and its status callbacks, sent one after another in event order.
 */
export class TexmlLeg {
  record: TexmlCallRecord;
  readonly events = new CallEvents();
  readonly statusCallback: CallbackTarget | null;
  stream: LegStream | null = null;
  readonly #ports: LegPorts;
  #sequence = 0;
  #saves: Promise<void> = Promise.resolve();
  #callbacks: Promise<void> = Promise.resolve();

  constructor(record: TexmlCallRecord, statusCallback: CallbackTarget | null, ports: LegPorts) {
    this.record = record;
    this.statusCallback = statusCallback;
    this.#ports = ports;
  }

  /** Called by the call engine inside its per-call lock: updates and queues, never waits. */
  observe(event: CallEvent): void {
    const now = this.#ports.now();
    if (event.type === 'call.initiated') {
      this.update({ status: 'ringing' });
      this.#callback('initiated');
      this.#callback('ringing');
    } else if (event.type === 'call.answered') {
      this.update({ status: 'in-progress', answeredAt: now });
      this.#callback('answered');
    } else if (event.type === 'call.hangup') {
      const answered = this.record.answeredAt !== null;
      this.update({ status: endedStatus(event.payload['hangup_cause'], answered), endedAt: now });
      this.#callback('completed');
    }
    this.events.push(event);
  }

  command(command: Command): Promise<boolean> {
    return this.#ports.apply(this.record.accountId, this.record.sid, command);
  }

  update(changes: Partial<TexmlCallRecord>): void {
    this.record = { ...this.record, ...changes };
    const snapshot = this.record;
    this.#saves = this.#saves
      .then(() => this.#ports.save(snapshot))
      .catch((error: unknown) => {
        this.#ports.onError(error);
      });
  }

  log(kind: TexmlLogEntry['kind'], text: string, extra: Partial<TexmlLogEntry> = {}): void {
    const entry: TexmlLogEntry = { at: this.#ports.now(), kind, text, ...extra };
    this.update({ log: [...this.record.log, entry].slice(-MAX_LOG_ENTRIES) });
  }

  /** Resolves when every queued save and callback so far has been handled. */
  async settled(): Promise<void> {
    await this.#saves;
    await this.#callbacks;
  }

  #callback(event: string): void {
    const target = this.statusCallback;
    if (target === null || !target.events.includes(event)) return;
    const sequence = this.#sequence++;
    const snapshot = this.record;
    this.#callbacks = this.#callbacks
      .then(() => this.#ports.statusCallback(snapshot, target, event, sequence))
      .catch((error: unknown) => {
        this.#ports.onError(error);
      });
  }
}

import { ValidationError } from '../../support/errors/api-error.js';
import { KeyedSerial } from '../keyed-serial.js';
import type { EmulatorDeps } from '../emulator-deps.js';
import type { CallRuntime } from '../calls/call-runtime.js';
import type { CallState } from '../calls/call-state.js';
import { uuidFrom } from '../calls/call-ids.js';
import { QueueNotEmptyError, QueueNotFoundError } from './queue-errors.js';
import {
  averageWaitSecs,
  decodeQueue,
  QUEUE_KIND,
  queueResource,
  type QueueRecord,
} from './queue-record.js';

/** Runs a Call Control command on a call, as `POST /v2/calls/{id}/actions/{action}` does. */
export type CallCommander = (
  accountId: string,
  callId: string,
  action: string,
  body: unknown,
) => Promise<Record<string, unknown>>;

/** What the enqueue command needs to know about the queue it joins. */
export interface Admission {
  readonly size: number;
  readonly maxSize: number;
  readonly avgWaitSecs: number;
}

/**
 * Call queues. Waiting calls are the live calls whose state names the queue (the call engine
 * owns enqueue and dequeue); this engine keeps each queue's settings and wait statistics and
 * answers `/v2/queues*`. Other code (TeXML's `<Enqueue>`) calls {@link QueueEngine.enqueue}.
 */
export class QueueEngine {
  readonly #deps: EmulatorDeps;
  readonly #runtime: CallRuntime;
  readonly #command: CallCommander;
  readonly #serial = new KeyedSerial();

  constructor(deps: EmulatorDeps, runtime: CallRuntime, command: CallCommander) {
    this.#deps = deps;
    this.#runtime = runtime;
    this.#command = command;
    runtime.follow((before, after) => this.#noteDeparture(before, after));
  }

  /** Puts an answered call in `queueName` (created on first use), as the enqueue command does. */
  async enqueue(
    accountId: string,
    callId: string,
    queueName: string,
    options: { readonly maxSize?: number; readonly maxWaitSecs?: number } = {},
  ): Promise<void> {
    await this.#command(accountId, callId, 'enqueue', {
      queue_name: queueName,
      ...(options.maxSize === undefined ? {} : { max_size: options.maxSize }),
      ...(options.maxWaitSecs === undefined ? {} : { max_wait_time_secs: options.maxWaitSecs }),
    });
  }

  /** Calls waiting in `name`, first in line first. */
  waiting(accountId: string, name: string): CallState[] {
    const calls: CallState[] = [];
    for (const call of this.#runtime.liveCalls())
      if (call.accountId === accountId && call.queue?.name === name) calls.push(call);
    return calls.sort((a, b) => (a.queue?.enqueuedAt ?? 0) - (b.queue?.enqueuedAt ?? 0));
  }

  /** The call at the head of the line, which a bridge with `queue` takes. */
  head(accountId: string, name: string): CallState | null {
    return this.waiting(accountId, name)[0] ?? null;
  }

  /**
   * The enqueue command's view: an existing queue keeps its own max size (the spec: it "can't be
   * modified for an existing queue"); a new one is created with the requested size.
   */
  admit(accountId: string, name: string, requestedMax: number): Promise<Admission> {
    return this.#serial.run(`${accountId}:${name}`, async () => {
      const existing = await this.find(accountId, name);
      const queue = existing ?? this.#newQueue(name, requestedMax);
      if (existing === null) await this.#deps.store.putResource(queueResource(accountId, queue));
      return {
        size: this.waiting(accountId, name).length,
        maxSize: queue.maxSize,
        avgWaitSecs: averageWaitSecs(queue),
      };
    });
  }

  async find(accountId: string, name: string): Promise<QueueRecord | null> {
    const resource = await this.#deps.store.getResource(accountId, QUEUE_KIND, name);
    return resource === null ? null : decodeQueue(resource.data);
  }

  async get(accountId: string, name: string): Promise<QueueRecord> {
    const queue = await this.find(accountId, name);
    if (queue === null) throw new QueueNotFoundError(`Queue '${name}' not found.`);
    return queue;
  }

  async list(accountId: string): Promise<QueueRecord[]> {
    const rows = await this.#deps.store.listResources(accountId, QUEUE_KIND);
    return rows.map((row) => decodeQueue(row.data));
  }

  /** `POST /v2/queues`: a queue `name` new to the account. */
  async create(accountId: string, name: string, maxSize: number): Promise<QueueRecord> {
    return this.#serial.run(`${accountId}:${name}`, async () => {
      if ((await this.find(accountId, name)) !== null) throw nameTaken(name);
      const queue = this.#newQueue(name, maxSize);
      await this.#deps.store.putResource(queueResource(accountId, queue));
      return queue;
    });
  }

  /** `POST /v2/queues/{name}`: a new `max_size`. */
  async update(accountId: string, name: string, maxSize: number): Promise<QueueRecord> {
    return this.#change(accountId, name, (queue) => ({ ...queue, maxSize }));
  }

  /** `DELETE /v2/queues/{name}`: only an empty queue goes (400 90050 otherwise). */
  async remove(accountId: string, name: string): Promise<void> {
    await this.get(accountId, name);
    if (this.waiting(accountId, name).length > 0) throw new QueueNotEmptyError();
    await this.#deps.store.deleteResource(accountId, QUEUE_KIND, name);
  }

  /** A waiting call of the queue, 404 when the call is not in it. */
  async waitingCall(
    accountId: string,
    name: string,
    callId: string,
  ): Promise<{ queue: QueueRecord; call: CallState; position: number }> {
    const queue = await this.get(accountId, name);
    const line = this.waiting(accountId, name);
    const index = line.findIndex((call) => call.id === callId);
    const call = line[index];
    if (call === undefined)
      throw new QueueNotFoundError(`Call ${callId} is not waiting in queue '${name}'.`);
    return { queue, call, position: index + 1 };
  }

  /** `DELETE /v2/queues/{name}/calls/{id}`: the call leaves the line (`call.dequeued` `leave`). */
  async removeCall(accountId: string, name: string, callId: string): Promise<void> {
    await this.waitingCall(accountId, name, callId);
    await this.#command(accountId, callId, 'leave_queue', {});
  }

  /** `PATCH /v2/queues/{name}/calls/{id}`: stores `keep_after_hangup`. */
  async updateCall(accountId: string, name: string, callId: string, keep: boolean): Promise<void> {
    await this.waitingCall(accountId, name, callId);
    await this.#change(accountId, name, (queue) => ({
      ...queue,
      keepAfterHangup: [
        ...queue.keepAfterHangup.filter((id) => id !== callId),
        ...(keep ? [callId] : []),
      ],
    }));
  }

  #newQueue(name: string, maxSize: number): QueueRecord {
    const now = this.#deps.now();
    return {
      id: uuidFrom(() => this.#deps.random()),
      name,
      maxSize,
      createdAt: now,
      updatedAt: now,
      served: 0,
      waitedSecs: 0,
      keepAfterHangup: [],
    };
  }

  #change(
    accountId: string,
    name: string,
    change: (queue: QueueRecord) => QueueRecord,
  ): Promise<QueueRecord> {
    return this.#serial.run(`${accountId}:${name}`, async () => {
      const changed = { ...change(await this.get(accountId, name)), updatedAt: this.#deps.now() };
      await this.#deps.store.putResource(queueResource(accountId, changed));
      return changed;
    });
  }

  /** A call that left a queue (any reason) adds its wait to the queue's average. */
  async #noteDeparture(before: CallState | null, after: CallState): Promise<void> {
    const left = before?.queue ?? null;
    if (left === null || after.queue?.enqueuedAt === left.enqueuedAt) return;
    const waited = Math.floor((this.#deps.now() - left.enqueuedAt) / 1000);
    const queue = await this.find(after.accountId, left.name);
    if (queue === null) return;
    await this.#change(after.accountId, left.name, (current) => ({
      ...current,
      served: current.served + 1,
      waitedSecs: current.waitedSecs + waited,
    }));
  }
}

function nameTaken(name: string): ValidationError {
  return new ValidationError([
    {
      code: '10015',
      title: 'Invalid value',
      detail: `A queue named '${name}' already exists.`,
      pointer: '/queue_name',
    },
  ]);
}

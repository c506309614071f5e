import { setTimeout as sleep } from 'node:timers/promises';
import {
  replyOf,
  type RoundReplies,
  type RoundReply,
} from '../../engine/delivery/round-replies.js';
import { FORM_REQUEST_FORMAT } from '../../engine/delivery/form-request.js';
import { microsecondTimestamp } from '../../engine/events/publish-event.js';
import { publishHandedOver, type PublishWorker } from '../../engine/events/publish-handoff.js';
import type { PublishInput } from '../../storage/event-publisher.js';
import type { JsonObject, Store } from '../../storage/store.js';
import { MAX_DOCUMENT_BYTES } from './parse-texml.js';
import type { Method } from './texml-verbs.js';

/** What sending needs from the server: its store, clock, ids, worker and reply hand-back. */
export interface TexmlRequestPorts {
  readonly store: Store;
  readonly now: () => number;
  readonly newId: () => string;
  /** Woken for each fetch stored; takes it with its publish when it runs in this process. */
  readonly worker: PublishWorker;
  readonly replies: RoundReplies;
}

export interface TexmlRequest {
  readonly accountId: string;
  /** Names the request in the Deliveries API, e.g. `texml.instructions`. */
  readonly eventType: string;
  readonly url: string;
  readonly failoverUrl: string | null;
  readonly method: Method;
  readonly params: Readonly<Record<string, string>>;
  readonly timeoutMs: number;
}

/**
 * A fetch whose round another process runs is read from the store: first after
 * `POLL_START_MS` (in one process the worker's hand-back answers well before), then every
 * `POLL_MS`.
 */
const POLL_START_MS = 500;
const POLL_MS = 250;

/**
 * Every request to a TeXML app is a delivery of the engine: stored, signed, sent by the
 * worker, recorded with its attempts, replayable. Instruction fetches run one round (primary,
 * then the fallback URL) and read its reply; callbacks use the engine's retry schedule.
 */
export class TexmlRequester {
  readonly #ports: TexmlRequestPorts;

  constructor(ports: TexmlRequestPorts) {
    this.#ports = ports;
  }

  /** A callback: delivered in the background with the usual retries. Resolves once stored. */
  async notify(request: TexmlRequest): Promise<string> {
    const id = this.#ports.newId();
    await this.#publish(id, request, null);
    return id;
  }

  /**
   * A request whose reply matters (an instruction fetch, or a callback that must precede the
   * next). One round; its reply comes back through the worker's hand-back, or from the
   * store's record (first 10 kB) when another process's worker ran it.
   */
  fetch(request: TexmlRequest): Promise<RoundReply> {
    return this.#roundTrip(request, []);
  }

  /**
   * A callback that must arrive before the next one (status callbacks): resolves after its
   * first round, and keeps the engine's retries for later rounds.
   */
  deliverInOrder(request: TexmlRequest): Promise<RoundReply> {
    return this.#roundTrip(request, null);
  }

  async #roundTrip(
    request: TexmlRequest,
    retrySchedule: readonly number[] | null,
  ): Promise<RoundReply> {
    const id = this.#ports.newId();
    const waiter = this.#ports.replies.wait(id);
    try {
      await this.#publish(id, request, retrySchedule);
      const deadline = this.#ports.now() + 2 * request.timeoutMs + 5_000;
      const polled = { stop: false };
      const reply = await Promise.race([
        waiter.reply,
        this.#poll(request.accountId, id, deadline, polled),
      ]);
      polled.stop = true;
      return reply;
    } finally {
      waiter.cancel();
    }
  }

  async #publish(
    id: string,
    request: TexmlRequest,
    retrySchedule: readonly number[] | null,
  ): Promise<void> {
    const { store, now } = this.#ports;
    const at = now();
    const webhook: JsonObject = {
      record_type: 'event',
      event_type: request.eventType,
      id,
      occurred_at: microsecondTimestamp(at),
      payload: { ...request.params },
    };
    const write: PublishInput = {
      event: {
        id,
        accountId: request.accountId,
        eventType: request.eventType,
        webhook,
        createdAt: at,
      },
      deliveries: [
        {
          id,
          target: {
            url: request.url,
            failoverUrl: request.failoverUrl,
            method: request.method,
            apiVersion: '2',
            timeoutMs: request.timeoutMs,
            retrySchedule,
            bodyFormat: 'telnyx',
          },
          origin: new URL(request.url).origin,
          nextAttemptAt: at,
          options: { request_format: FORM_REQUEST_FORMAT, reply_limit_bytes: MAX_DOCUMENT_BYTES },
        },
      ],
    };
    await publishHandedOver(store, this.#ports.worker, write);
  }

  async #poll(
    accountId: string,
    id: string,
    deadline: number,
    polled: { stop: boolean },
  ): Promise<RoundReply> {
    await sleep(POLL_START_MS);
    while (!polled.stop) {
      const delivery = await this.#ports.store.getDelivery(accountId, id);
      if (delivery !== null && (delivery.state !== 'queued' || delivery.rounds > 0)) {
        const attempts = await this.#ports.store.listAttempts(id);
        return replyOf([...attempts].reverse());
      }
      if (this.#ports.now() > deadline)
        return { delivered: null, failures: ['no reply before the fetch deadline'] };
      await sleep(POLL_MS);
    }
    return { delivered: null, failures: [] };
  }
}
